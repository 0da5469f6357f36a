package com.orodc.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orodc.core.ExitCode;
import com.orodc.core.OrodcException;
import com.orodc.core.Sha256;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of the registry v2 API the image needs: manifests and blobs, pulled and pushed, with
 * the token or basic authentication registries ask for. Plain HTTP only for localhost unless allowed.
 */
public final class RegistryApi {
    public static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    public static final String DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
    public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    private static final String ACCEPT = String.join(", ", OCI_INDEX, DOCKER_LIST, OCI_MANIFEST, DOCKER_MANIFEST);
    private static final Pattern CHALLENGE_PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    private final HttpFetcher http;
    private final RegistryCredentials credentials;
    private final boolean allowInsecure;
    private final Map<String, String> authorizations = new ConcurrentHashMap<>();
    private final ObjectMapper json = new ObjectMapper();

    public RegistryApi(HttpFetcher http, RegistryCredentials credentials, boolean allowInsecure) {
        this.http = http;
        this.credentials = credentials;
        this.allowInsecure = allowInsecure;
    }

    public RegistryCredentials credentials() {
        return credentials;
    }

    public record Manifest(byte[] bytes, String mediaType, String digest, JsonNode json) {
        public boolean isIndex() {
            return DOCKER_LIST.equals(mediaType) || OCI_INDEX.equals(mediaType) || json.has("manifests");
        }
    }

    public Manifest manifest(ImageLocation image, String reference) {
        HttpResponse<InputStream> r = send(image, false, "GET", "manifests/" + reference, Map.of("Accept", ACCEPT), null);
        byte[] bytes = body(r, image + " manifest " + reference);
        String digest = "sha256:" + Sha256.of(bytes);
        if (reference.startsWith("sha256:") && !reference.equals(digest)) {
            throw new OrodcException(ExitCode.FAILURE, "manifest " + reference + " of " + image.registry() + "/"
                    + image.repository() + " has digest " + digest + "; the registry or mirror serves something else");
        }
        try {
            JsonNode node = json.readTree(bytes);
            String type = r.headers().firstValue("Content-Type").orElse(node.path("mediaType").asText(""));
            if (node.has("mediaType")) {
                type = node.get("mediaType").asText();
            }
            return new Manifest(bytes, type.split(";")[0].strip(), digest, node);
        } catch (IOException e) {
            throw new OrodcException(ExitCode.FAILURE, "the manifest of " + image + " is not JSON", e);
        }
    }

    /** The manifest of one platform: the image's own, or its entry in the image's list. */
    public Manifest platformManifest(ImageLocation image, Platform platform) {
        Manifest top = manifest(image, image.reference());
        if (!top.isIndex()) {
            return top;
        }
        for (JsonNode m : top.json().path("manifests")) {
            JsonNode p = m.path("platform");
            if (platform.os().equals(p.path("os").asText()) && platform.architecture().equals(p.path("architecture").asText())) {
                return manifest(image, m.path("digest").asText());
            }
        }
        throw new OrodcException(ExitCode.FAILURE, image + " has no " + platform.id() + " image; choose another image or --platform");
    }

    /** A blob, verified against its digest, from the cache or the registry. */
    public Path blob(ImageLocation image, String digest, ArtifactCache cache, String task) {
        String sum = Sha256.fromDigest(digest);
        var cached = cache.blob(sum);
        if (cached.isPresent()) {
            return cached.get();
        }
        HttpResponse<InputStream> r = send(image, false, "GET", "blobs/" + digest, Map.of(), null);
        if (r.statusCode() != 200) {
            HttpFetcher.close(r);
            throw new OrodcException(ExitCode.FAILURE, "cannot fetch blob " + digest + " of " + image + ": HTTP " + r.statusCode());
        }
        long total = r.headers().firstValueAsLong("Content-Length").orElse(-1);
        try (InputStream in = http.progress(r.body(), task, total)) {
            cache.put(in, sum);
        } catch (ArtifactCache.ChecksumMismatch e) {
            throw new OrodcException(ExitCode.FAILURE, "blob " + digest + " of " + image + " has sha256 " + e.actual()
                    + "; the registry or mirror serves something else", e);
        } catch (IOException e) {
            throw new OrodcException(ExitCode.FAILURE, "download of blob " + digest + " of " + image + " failed: " + e.getMessage(), e);
        }
        return cache.blob(sum).orElseThrow();
    }

    public byte[] blobBytes(ImageLocation image, String digest) {
        HttpResponse<InputStream> r = send(image, false, "GET", "blobs/" + digest, Map.of(), null);
        return body(r, image + " blob " + digest);
    }

    public boolean hasBlob(ImageLocation image, String digest) {
        HttpResponse<InputStream> r = send(image, true, "HEAD", "blobs/" + digest, Map.of(), null);
        HttpFetcher.close(r);
        return r.statusCode() == 200;
    }

    /** Uploads a blob in one request (monolithic upload) unless the registry has it already. */
    public String putBlob(ImageLocation image, byte[] content) {
        String digest = "sha256:" + Sha256.of(content);
        if (hasBlob(image, digest)) {
            return digest;
        }
        HttpResponse<InputStream> start = send(image, true, "POST", "blobs/uploads/", Map.of(), HttpRequest.BodyPublishers.noBody());
        HttpFetcher.close(start);
        String location = start.headers().firstValue("Location").orElse(null);
        if (start.statusCode() != 202 || location == null) {
            throw pushFailure(image, "blob upload", start.statusCode());
        }
        URI upload = base(image).resolve(location);
        String sep = upload.getQuery() == null ? "?" : "&";
        URI put = URI.create(upload + sep + "digest=" + URLEncoder.encode(digest, StandardCharsets.UTF_8));
        HttpResponse<InputStream> done = sendTo(image, true, "PUT", put,
                Map.of("Content-Type", "application/octet-stream"), HttpRequest.BodyPublishers.ofByteArray(content));
        HttpFetcher.close(done);
        if (done.statusCode() != 201) {
            throw pushFailure(image, "blob " + digest, done.statusCode());
        }
        return digest;
    }

    public String putManifest(ImageLocation image, String reference, String mediaType, byte[] bytes) {
        HttpResponse<InputStream> r = send(image, true, "PUT", "manifests/" + reference, Map.of("Content-Type", mediaType),
                HttpRequest.BodyPublishers.ofByteArray(bytes));
        HttpFetcher.close(r);
        if (r.statusCode() != 201 && r.statusCode() != 200) {
            throw pushFailure(image, "manifest " + reference, r.statusCode());
        }
        return "sha256:" + Sha256.of(bytes);
    }

    public boolean hasManifest(ImageLocation image, String reference) {
        HttpResponse<InputStream> r = send(image, false, "HEAD", "manifests/" + reference, Map.of("Accept", ACCEPT), null);
        HttpFetcher.close(r);
        return r.statusCode() == 200;
    }

    private OrodcException pushFailure(ImageLocation image, String what, int status) {
        String hint = status == 401 || status == 403
                ? "; log in with docker login or set " + RegistryCredentials.USER_VARIABLE + "/" + RegistryCredentials.PASSWORD_VARIABLE
                : "";
        return new OrodcException(ExitCode.FAILURE, "cannot push " + what + " to " + image.registry() + "/" + image.repository()
                + ": HTTP " + status + hint);
    }

    private byte[] body(HttpResponse<InputStream> r, String what) {
        try (InputStream in = r.body()) {
            byte[] bytes = in.readAllBytes();
            if (r.statusCode() != 200) {
                String hint = switch (r.statusCode()) {
                    case 404 -> "; check the name and tag";
                    case 401, 403 -> "; log in with docker login or set " + RegistryCredentials.USER_VARIABLE + "/" + RegistryCredentials.PASSWORD_VARIABLE;
                    default -> "";
                };
                throw new OrodcException(ExitCode.FAILURE, "cannot fetch " + what + ": HTTP " + r.statusCode() + hint);
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<InputStream> send(ImageLocation image, boolean push, String method, String path,
                                           Map<String, String> headers, HttpRequest.BodyPublisher body) {
        return sendTo(image, push, method, base(image).resolve(image.repository() + "/" + path), headers, body);
    }

    private HttpResponse<InputStream> sendTo(ImageLocation image, boolean push, String method, URI uri,
                                             Map<String, String> headers, HttpRequest.BodyPublisher body) {
        String key = image.registry() + "/" + image.repository() + (push ? " push" : " pull");
        for (int attempt = 0; ; attempt++) {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body);
            headers.forEach(b::header);
            String auth = authorizations.get(key);
            if (auth != null) {
                b.header("Authorization", auth);
            }
            HttpResponse<InputStream> r;
            try {
                r = http.send(b);
            } catch (OrodcException e) {
                if (!allowInsecure || !"https".equals(uri.getScheme())) {
                    throw e;
                }
                // allowed to fall back to plain HTTP for a registry without TLS
                uri = URI.create("http" + uri.toString().substring(5));
                attempt--;
                continue;
            }
            if (r.statusCode() != 401 || attempt > 0) {
                return r;
            }
            HttpFetcher.close(r);
            String challenge = r.headers().firstValue("WWW-Authenticate").orElse("");
            authorizations.put(key, authorize(image, push, challenge));
        }
    }

    private String authorize(ImageLocation image, boolean push, String challenge) {
        var credential = credentials.forRegistry(image.registry());
        if (challenge.regionMatches(true, 0, "Basic", 0, 5)) {
            return credential.map(RegistryCredentials.Credential::basic).orElseThrow(() -> new OrodcException(ExitCode.FAILURE,
                    image.registry() + " needs a login; run docker login " + image.registry() + " or set "
                            + RegistryCredentials.USER_VARIABLE + "/" + RegistryCredentials.PASSWORD_VARIABLE));
        }
        Map<String, String> params = new LinkedHashMap<>();
        Matcher m = CHALLENGE_PARAM.matcher(challenge);
        while (m.find()) {
            params.put(m.group(1).toLowerCase(), m.group(2));
        }
        String realm = params.get("realm");
        if (realm == null) {
            throw new OrodcException(ExitCode.FAILURE, image.registry() + " refused access without saying how to log in");
        }
        StringBuilder url = new StringBuilder(realm).append(realm.contains("?") ? "&" : "?");
        if (params.containsKey("service")) {
            url.append("service=").append(URLEncoder.encode(params.get("service"), StandardCharsets.UTF_8)).append('&');
        }
        url.append("scope=").append(URLEncoder.encode("repository:" + image.repository() + (push ? ":pull,push" : ":pull"), StandardCharsets.UTF_8));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url.toString())).GET();
        credential.ifPresent(c -> b.header("Authorization", c.basic()));
        HttpResponse<InputStream> r = http.send(b);
        JsonNode token;
        try (InputStream in = r.body()) {
            if (r.statusCode() != 200) {
                throw new OrodcException(ExitCode.FAILURE, image.registry() + " refused a token for " + image.repository()
                        + ": HTTP " + r.statusCode() + "; check docker login or " + RegistryCredentials.USER_VARIABLE);
            }
            token = json.readTree(in);
        } catch (IOException e) {
            throw new OrodcException(ExitCode.FAILURE, "the token answer of " + realm + " is not JSON", e);
        }
        String value = token.path("token").asText(token.path("access_token").asText(""));
        return "Bearer " + value;
    }

    private URI base(ImageLocation image) {
        return URI.create((image.isLocalhost() ? "http://" : "https://") + image.registry() + "/v2/");
    }

    static List<String> layerDigests(Manifest manifest) {
        List<String> digests = new ArrayList<>();
        manifest.json().path("layers").forEach(l -> digests.add(l.path("digest").asText()));
        return digests;
    }
}
