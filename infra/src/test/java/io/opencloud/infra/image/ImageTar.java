package io.opencloud.infra.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An image as Jib's {@code buildTar} writes it (the {@code docker save} format: {@code manifest.json}, a config and
 * gzipped layers), unpacked layer after layer into a root file system, as a container runtime would, with the
 * files' times kept: the AOT cache checks the time of each jar it was trained with.
 */
public record ImageTar(Path root, List<String> entrypoint, Map<String, String> environment) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static ImageTar unpack(Path tar, Path root) throws IOException, InterruptedException {
        Path staging = Files.createTempDirectory("image-tar");
        try {
            untar(tar, staging, false);
            JsonNode manifest = JSON.readTree(staging.resolve("manifest.json").toFile()).get(0);
            Files.createDirectories(root);
            for (JsonNode layer : manifest.get("Layers")) {
                untar(staging.resolve(layer.asText()), root, true);
            }
            JsonNode config = JSON.readTree(staging.resolve(manifest.get("Config").asText()).toFile()).get("config");
            List<String> entrypoint = new ArrayList<>();
            config.path("Entrypoint").forEach(word -> entrypoint.add(word.asText()));
            config.path("Cmd").forEach(word -> entrypoint.add(word.asText()));
            Map<String, String> environment = new LinkedHashMap<>();
            config.path("Env").forEach(pair -> {
                String text = pair.asText();
                int equals = text.indexOf('=');
                environment.put(text.substring(0, equals), text.substring(equals + 1));
            });
            return new ImageTar(root, List.copyOf(entrypoint), environment);
        } finally {
            delete(staging);
        }
    }

    /** Removes the unpacked root file system. */
    public void delete() throws IOException, InterruptedException {
        delete(root);
    }

    private static void untar(Path archive, Path into, boolean gzipped) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tar", "-x", "-f", archive.toString(), "-C", into.toString(),
                "--no-same-owner", "--warning=no-unknown-keyword"));
        if (gzipped) {
            command.add(1, "-z");
        }
        Process tar = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (InputStream in = tar.getInputStream()) {
            output = new String(in.readAllBytes());
        }
        if (tar.waitFor() != 0) {
            throw new IOException("tar could not unpack " + archive + ": " + output);
        }
    }

    static void delete(Path directory) throws IOException, InterruptedException {
        new ProcessBuilder("rm", "-rf", directory.toString()).start().waitFor();
    }
}
