package dev.faceswap4j.runner;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which requests the dashboard answers. A web page elsewhere can make the browser send requests here: a page whose
 * name was made to resolve to this machine (DNS rebinding) sends its own name as {@code Host}, so only the names the
 * dashboard listens under are served; a form of another site sends its own {@code Origin}, so a request that changes
 * something (starts or stops a job) must come from the dashboard's own page or from no page at all (curl). Every
 * answer also tells the browser never to show it inside another site's frame nor to guess its content type.
 */
final class DashboardGuard {

    private final Set<String> names;
    private final Set<InetAddress> addresses;

    /**
     * For a dashboard listening on {@code host}: that name or address, localhost and the loopback addresses, and for
     * 0.0.0.0 or :: this machine's name and the addresses of its network interfaces.
     */
    DashboardGuard(String host) {
        Set<String> names = new HashSet<>(Set.of("localhost"));
        Set<InetAddress> addresses = new HashSet<>();
        addresses.add(InetAddress.getLoopbackAddress());
        literal("127.0.0.1").ifPresent(addresses::add);
        literal("[::1]").ifPresent(addresses::add);
        Optional<InetAddress> bound = literal(host);
        if (bound.isPresent()) {
            addresses.add(bound.get());
        } else {
            names.add(host.strip().toLowerCase(Locale.ROOT));
        }
        if (bound.isPresent() && bound.get().isAnyLocalAddress()) {
            addMachine(names, addresses);
        }
        this.names = Set.copyOf(names);
        this.addresses = Set.copyOf(addresses);
    }

    /** Refuses {@code ctx} with {@link Refused} when it is not for this dashboard; adds the framing and sniffing headers. */
    void check(Context ctx) {
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Content-Security-Policy", "frame-ancestors 'none'");
        ctx.header("X-Content-Type-Options", "nosniff");
        String host = ctx.header("Host");
        if (host == null || !answersTo(hostName(host))) {
            throw new Refused("this dashboard does not answer to Host " + host + "; open it as http://localhost:PORT/ or under the"
                    + " address serve --host names");
        }
        if (ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD) {
            String origin = ctx.header("Origin");
            if (origin != null && !origin.equalsIgnoreCase("http://" + host.strip())) {
                throw new Refused("a page of " + origin + " may not start or stop jobs here; use the dashboard's own page");
            }
        }
    }

    private boolean answersTo(String name) {
        Optional<InetAddress> address = literal(name);
        return address.isPresent() ? addresses.contains(address.get()) : names.contains(name);
    }

    /** The name part of a Host header: without the port, lower case ({@code [::1]:8080} → {@code [::1]}). */
    static String hostName(String header) {
        String value = header.strip().toLowerCase(Locale.ROOT);
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            return end < 0 ? value : value.substring(0, end + 1);
        }
        int colon = value.indexOf(':');
        return colon < 0 ? value : value.substring(0, colon);
    }

    /** {@code text} as an address when it is an IP literal (never a name lookup), else empty. */
    private static Optional<InetAddress> literal(String text) {
        String value = text.strip();
        if (value.startsWith("[") && value.endsWith("]")) {
            value = value.substring(1, value.length() - 1);
        }
        if (!value.matches("[0-9.]+") && !value.matches("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(value));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** This machine's name and the addresses of its network interfaces: what a browser elsewhere writes in Host. */
    private static void addMachine(Set<String> names, Set<InetAddress> addresses) {
        try {
            names.add(InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT));
        } catch (UnknownHostException e) {
            // No name of its own: its addresses still work.
        }
        try {
            for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress address : Collections.list(network.getInetAddresses())) {
                    addresses.add(address);
                }
            }
        } catch (SocketException e) {
            // Without the list, the loopback addresses and the machine's name are still answered.
        }
    }

    /** A request from somewhere the dashboard does not answer (HTTP 403). */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }
}
