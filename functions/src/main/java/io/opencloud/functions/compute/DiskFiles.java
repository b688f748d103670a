package io.opencloud.functions.compute;

import io.opencloud.functions.OperationFailedException;
import io.opencloud.functions.s3.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;

/**
 * Writes disk files so that a file under its final name is always whole: bytes go to a hidden sibling of their own
 * first (one per attempt, so an attempt still running after its timeout cannot mix its bytes with its retry's),
 * which is moved into place once complete.
 */
final class DiskFiles {

    private DiskFiles() {
    }

    static StoredDisk write(InputStream bytes, Path target, String format) {
        Path partial = null;
        try {
            Files.createDirectories(target.getParent());
            partial = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".partial");
            MessageDigest digest = Sha256.digest();
            long size;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(partial), digest)) {
                size = bytes.transferTo(out);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new StoredDisk(target.toString(), format, size, Sha256.hex(digest));
        } catch (IOException e) {
            if (partial != null) {
                delete(partial);
            }
            throw new OperationFailedException("writing " + target + " failed: " + e.getMessage(), true, e);
        }
    }

    /** A file of its own in the directory, for one attempt's work in progress. */
    static Path scratch(Path dir, String prefix) {
        try {
            Files.createDirectories(dir);
            return Files.createTempFile(dir, prefix, ".scratch");
        } catch (IOException e) {
            throw new OperationFailedException("creating a file in " + dir + " failed: " + e.getMessage(), true, e);
        }
    }

    static StoredDisk copy(Path source, Path target, String format) {
        try (InputStream in = open(source)) {
            return write(in, target, format);
        } catch (IOException e) {
            throw new OperationFailedException("reading " + source + " failed: " + e.getMessage(), true, e);
        }
    }

    /** Opens a disk file; a missing one is a lost disk, which no retry brings back. */
    static InputStream open(Path file) {
        try {
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new OperationFailedException("disk file " + file + " is missing", false, e);
        } catch (IOException e) {
            throw new OperationFailedException("disk file " + file + " cannot be read: " + e.getMessage(), true, e);
        }
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new OperationFailedException("deleting " + file + " failed: " + e.getMessage(), true, e);
        }
    }
}
