package com.orodc.image;

import com.google.cloud.tools.jib.api.DescriptorDigest;
import com.google.cloud.tools.jib.api.DockerClient;
import com.google.cloud.tools.jib.api.ImageDetails;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.image.ImageTarball;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * jib's view of the local Docker engine, through {@link LocalEngine} instead of the {@code docker}
 * command, which a user of orodc need not have.
 */
public final class JibDockerBridge implements DockerClient {
    private final Supplier<LocalEngine> client;

    public JibDockerBridge(Supplier<LocalEngine> client) {
        this.client = client;
    }


    @Override
    public boolean supported(Map<String, String> parameters) {
        return true;
    }

    @Override
    public String load(ImageTarball imageTarball, Consumer<Long> writtenByteCountListener) throws InterruptedException, IOException {
        ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "image-tarball-writer");
            t.setDaemon(true);
            return t;
        });
        try (PipedInputStream in = new PipedInputStream(1 << 20)) {
            PipedOutputStream pipe = new PipedOutputStream(in);
            Future<?> written = writer.submit(() -> {
                try (OutputStream out = counting(pipe, writtenByteCountListener)) {
                    imageTarball.writeTo(out);
                }
                return null;
            });
            client.get().load(in);
            written.get();
            return "";
        } catch (ExecutionException e) {
            throw new IOException("writing the image to the Docker engine failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            writer.shutdownNow();
        }
    }

    @Override
    public void save(ImageReference imageReference, Path outputPath, Consumer<Long> writtenByteCountListener) throws IOException {
        try (InputStream in = client.get().save(imageReference.toString());
             OutputStream out = counting(Files.newOutputStream(outputPath), writtenByteCountListener)) {
            in.transferTo(out);
        }
    }

    @Override
    public ImageDetails inspect(ImageReference imageReference) {
        LocalEngine.Image r = client.get().inspect(imageReference.toString());
        return new ImageDetails() {
            @Override
            public long getSize() {
                return r.size();
            }

            @Override
            public DescriptorDigest getImageId() throws DigestException {
                return DescriptorDigest.fromDigest(r.id());
            }

            @Override
            public List<DescriptorDigest> getDiffIds() throws DigestException {
                List<DescriptorDigest> ids = new ArrayList<>();
                for (String layer : r.diffIds()) {
                    ids.add(DescriptorDigest.fromDigest(layer));
                }
                return ids;
            }
        };
    }

    private static OutputStream counting(OutputStream out, Consumer<Long> listener) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                listener.accept((long) len);
            }
        };
    }
}
