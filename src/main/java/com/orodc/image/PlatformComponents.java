package com.orodc.image;

import java.nio.file.Path;

/** Everything one platform's image is made of, downloaded, verified and in the cache. */
public record PlatformComponents(
        Platform platform,
        String traefikVersion,
        ReleaseDownloads.Verified traefikArchive,
        Path traefikBinary,
        String s6OverlayVersion,
        ReleaseDownloads.Verified s6Noarch,
        ReleaseDownloads.Verified s6Arch,
        ImagePull.Pulled base,
        ImagePull.Pulled socks5Image,
        Path socks5Binary) {
}
