package dev.faceswap4j.core.train;

import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.api.Trainer;
import dev.faceswap4j.core.util.FileTrees;
import dev.faceswap4j.toolkit.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A training output folder: {@code checkpoint/} (the latest complete checkpoint), {@code losses.csv},
 * {@code preview.png} and {@code previews/}. A checkpoint is written into a hidden folder and swapped
 * in by renames, so a crash or Ctrl-C mid-write leaves the previous one intact.
 */
public record ModelDir(Path root) {

    private static final Set<String> OWN_FILES = Set.of("checkpoint", ".checkpoint-new", ".checkpoint-old", ModelDirLock.FILE_NAME, LossLog.FILE_NAME,
            "preview.png", "previews", ".preview.png.tmp.png", "." + LossLog.FILE_NAME + ".tmp", LossPlot.FILE_NAME, "." + LossPlot.FILE_NAME + ".tmp",
            TrainingTarget.FILE_NAME, "." + TrainingTarget.FILE_NAME + ".tmp");

    public Path checkpoint() {
        return root.resolve("checkpoint");
    }

    private Path incoming() {
        return root.resolve(".checkpoint-new");
    }

    private Path outgoing() {
        return root.resolve(".checkpoint-old");
    }

    /**
     * The folder of the latest complete checkpoint: {@code checkpoint/}, or the previous one where a save was cut off
     * between its two renames. Reads only: a trainer may be saving meanwhile, and only it moves anything.
     */
    public Optional<Path> completeCheckpoint() {
        if (Files.isDirectory(checkpoint())) {
            return Optional.of(checkpoint());
        }
        return Files.isDirectory(outgoing()) ? Optional.of(outgoing()) : Optional.empty();
    }

    /** The latest complete checkpoint's description; reads only, as {@link #completeCheckpoint()}. */
    public Optional<CheckpointInfo> latest() {
        for (int attempt = 1; ; attempt++) {
            Optional<Path> folder = completeCheckpoint();
            try {
                return folder.map(CheckpointInfo::read);
            } catch (FaceswapException e) {
                // A save renamed the folder between the look and the read: look again.
                if (attempt == 3 || folder.map(Files::isDirectory).orElse(true)) {
                    throw e;
                }
            }
        }
    }

    /**
     * Takes this folder for one training, or fails with one line naming the process that holds it; the holder
     * finishes a save a crash cut off. Refuses, before writing anything, a folder with files training did not write.
     */
    public ModelDirLock lock() {
        requireOwnOrEmpty();
        ModelDirLock lock = ModelDirLock.take(this);
        try {
            if (!Files.isDirectory(checkpoint()) && Files.isDirectory(outgoing())) {
                Files.move(outgoing(), checkpoint(), StandardCopyOption.ATOMIC_MOVE);
            }
            return lock;
        } catch (IOException e) {
            lock.close();
            throw new FaceswapException("cannot restore the previous checkpoint " + outgoing() + ": " + Messages.firstLine(e), e);
        }
    }

    /** Refuses a folder that holds something other than a faceswap4j model: training must not mix into it. */
    public void requireOwnOrEmpty() {
        if (!Files.exists(root)) {
            return;
        }
        if (!Files.isDirectory(root)) {
            throw new FaceswapException("model-dir " + root + " is a file, not a folder");
        }
        try (Stream<Path> entries = Files.list(root)) {
            Optional<Path> foreign = entries.filter(p -> !OWN_FILES.contains(p.getFileName().toString())).findFirst();
            if (foreign.isPresent()) {
                throw new FaceswapException("model-dir " + root + " holds " + foreign.get().getFileName()
                        + ", which training did not write; use a new or empty folder");
            }
        } catch (IOException e) {
            throw new FaceswapException("cannot read model-dir " + root + ": " + Messages.firstLine(e), e);
        }
    }

    /** Writes the trainer's state and {@code info} as the new latest checkpoint. */
    public void save(Trainer trainer, CheckpointInfo info) {
        try {
            Files.createDirectories(root);
            FileTrees.deleteQuietly(incoming());
            Files.createDirectories(incoming());
            trainer.save(incoming());
            info.write(incoming());
            if (Files.isDirectory(checkpoint())) {
                FileTrees.deleteQuietly(outgoing());
                Files.move(checkpoint(), outgoing(), StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(incoming(), checkpoint(), StandardCopyOption.ATOMIC_MOVE);
            FileTrees.deleteQuietly(outgoing());
        } catch (IOException e) {
            FileTrees.deleteQuietly(incoming());
            throw new FaceswapException("cannot write checkpoint into " + root + ": " + Messages.firstLine(e), e);
        } catch (RuntimeException e) {
            FileTrees.deleteQuietly(incoming());
            throw e;
        }
    }
}
