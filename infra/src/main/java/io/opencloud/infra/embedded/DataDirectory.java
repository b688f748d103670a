package io.opencloud.infra.embedded;

import io.opencloud.infra.config.StartupRefusedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The folder under which the embedded services keep their data, one sub-folder each. It is locked for the life of
 * the runtime because two control planes writing the same Kafka log or PostgreSQL cluster would corrupt both.
 */
public final class DataDirectory implements AutoCloseable {

    private final Path root;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private DataDirectory(Path root, FileChannel lockChannel, FileLock lock) {
        this.root = root;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    public static DataDirectory open(Path root) {
        try {
            Files.createDirectories(root);
            FileChannel channel = FileChannel.open(root.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                throw new StartupRefusedException("The data directory " + root + " is in use by another running"
                        + " control plane.", "Stop it, or give this one its own directory with opencloud.data-dir"
                        + " (OPENCLOUD_DATA_DIR).");
            }
            return new DataDirectory(root, channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the data directory " + root, e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    public Path root() {
        return root;
    }

    public Path folder(String name) {
        Path folder = root.resolve(name);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + folder, e);
        }
        return folder;
    }

    @Override
    public void close() throws IOException {
        lock.release();
        lockChannel.close();
    }
}
