package dev.faceswap4j.runner;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", description = {"Watch training in a browser: the model folders of a work dir with their loss curves, iteration, it/s,",
        "last checkpoint, live preview sheet and evaluate/compare reports; start and stop one `run` on a config of the work dir.",
        "Ctrl-C stops it (and a running job, with a checkpoint)."})
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--work-dir", defaultValue = ".", paramLabel = "DIR", description = "The folder to show (default: the current one).")
    Path workDir;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "N", description = "Port (default 8080; 0 = any free one).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
            description = "Address to listen on (default 127.0.0.1: this machine only; 0.0.0.0 shows it to the network).")
    String host;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        Dashboard dashboard = new Dashboard(workDir, host, port);
        Runtime.getRuntime().addShutdownHook(new Thread(dashboard::close, "dashboard-stop"));
        PrintWriter out = spec.commandLine().getOut();
        out.println("dashboard of " + workDir.toAbsolutePath().normalize() + ": http://" + host + ":" + dashboard.port() + "/ (Ctrl-C stops it)");
        out.flush();
        new CountDownLatch(1).await();
        return 0;
    }
}
