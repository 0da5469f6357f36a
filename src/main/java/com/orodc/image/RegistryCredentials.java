package com.orodc.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * User name and password for a registry: {@code ORODC_REGISTRY_USERNAME}/{@code ORODC_REGISTRY_PASSWORD} for the
 * registry being pushed to, else the {@code auths} of {@code ~/.docker/config.json} (as {@code docker login} writes it).
 */
public final class RegistryCredentials {
    public static final String USER_VARIABLE = "ORODC_REGISTRY_USERNAME";
    public static final String PASSWORD_VARIABLE = "ORODC_REGISTRY_PASSWORD";

    public record Credential(String user, String password) {
        public String basic() {
            return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        }
    }

    private final Map<String, String> environment;
    private final Path dockerConfig;
    private final String pushRegistry;

    public RegistryCredentials(Map<String, String> environment, String pushRegistry) {
        this.environment = environment;
        String dir = environment.get("DOCKER_CONFIG");
        String home = environment.getOrDefault("HOME", System.getProperty("user.home"));
        this.dockerConfig = dir != null && !dir.isBlank() ? Path.of(dir, "config.json") : Path.of(home, ".docker", "config.json");
        this.pushRegistry = pushRegistry;
    }

    public Path dockerConfig() {
        return dockerConfig;
    }

    public Optional<Credential> forRegistry(String registry) {
        String user = environment.get(USER_VARIABLE);
        String pass = environment.get(PASSWORD_VARIABLE);
        if (registry.equals(pushRegistry) && user != null && !user.isBlank() && pass != null) {
            return Optional.of(new Credential(user, pass));
        }
        return fromDockerConfig(registry);
    }

    private Optional<Credential> fromDockerConfig(String registry) {
        if (!Files.isRegularFile(dockerConfig)) {
            return Optional.empty();
        }
        try {
            JsonNode auths = new ObjectMapper().readTree(dockerConfig.toFile()).path("auths");
            for (String key : new String[] {registry, "https://" + registry, "http://" + registry,
                    registry.equals("registry-1.docker.io") ? "https://index.docker.io/v1/" : registry}) {
                JsonNode entry = auths.path(key);
                String auth = entry.path("auth").asText("");
                if (!auth.isEmpty()) {
                    String decoded = new String(Base64.getDecoder().decode(auth), StandardCharsets.UTF_8);
                    int colon = decoded.indexOf(':');
                    if (colon > 0) {
                        return Optional.of(new Credential(decoded.substring(0, colon), decoded.substring(colon + 1)));
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // an unreadable config means anonymous access, as docker itself would try
        }
        return Optional.empty();
    }
}
