package dev.faceswap4j.core.train;

import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.core.util.FileTrees;
import dev.faceswap4j.toolkit.Messages;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One process's hold on a model folder while it trains: an OS lock on the folder's {@code .lock} file, which the OS
 * releases when the process ends in any way (kill -9 included), so a lock is never left behind to clear by hand. The
 * file names the holder's PID for the message another process gets. A folder the hold created is removed again when
 * the hold ends without a checkpoint in it: a training that fails before its first checkpoint leaves nothing behind.
 */
public final class ModelDirLock implements AutoCloseable {

    public static final String FILE_NAME = ".lock";

    /**
     * The folders this process holds. A second channel on a held file must not even be opened: closing it would drop
     * the process's lock (POSIX locks belong to the process, and any close of the file releases them).
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final ModelDir dir;
    private final boolean created;
    private final FileChannel channel;
    private final FileLock lock;

    private ModelDirLock(ModelDir dir, boolean created, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.created = created;
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes {@code dir} (creating it when missing), or fails with one line naming the process that holds it. */
    static ModelDirLock take(ModelDir dir) {
        Path root = dir.root();
        Path key = root.toAbsolutePath().normalize();
        if (!HELD.add(key)) {
            throw inUse(root, "process " + ProcessHandle.current().pid());
        }
        boolean created = !Files.exists(root);
        FileChannel channel = null;
        try {
            Files.createDirectories(root);
            channel = FileChannel.open(root.resolve(FILE_NAME), StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                throw inUse(root, holder(channel));
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(false);
            return new ModelDirLock(dir, created, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            HELD.remove(key);
            throw new FaceswapException("cannot lock model-dir " + root + ": " + Messages.firstLine(e), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            HELD.remove(key);
            throw e;
        }
    }

    private static FaceswapException inUse(Path root, String holder) {
        return new FaceswapException("model-dir " + root + " is in use by " + holder + " (a train or run on it); wait for it to end or stop it,"
                + " then try again");
    }

    /** The lock, or null when another process holds it. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException sameFileOtherPath) {
            // The folder is held here under another name (a link): the JVM keeps one lock per file.
            return null;
        }
    }

    /** "process PID" as the holder wrote it, or a vaguer name when it has not written it yet. */
    private static String holder(FileChannel channel) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(32);
        channel.read(bytes, 0);
        String pid = new String(bytes.array(), 0, bytes.position(), StandardCharsets.US_ASCII).strip();
        return pid.matches("\\d+") ? "process " + pid : "another process";
    }

    @Override
    public void close() {
        try {
            if (created && dir.completeCheckpoint().isEmpty()) {
                // Still held: nobody else can have started in it meanwhile.
                FileTrees.deleteQuietly(dir.root());
            }
        } finally {
            try {
                lock.release();
            } catch (IOException e) {
                // Closing the channel releases it too.
            }
            closeQuietly(channel);
            HELD.remove(dir.root().toAbsolutePath().normalize());
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // Nothing to keep: the OS drops the lock with the process anyway.
            }
        }
    }
}
