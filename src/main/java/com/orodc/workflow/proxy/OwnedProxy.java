package com.orodc.workflow.proxy;

import com.orodc.core.ExitCode;
import com.orodc.core.OrodcException;
import com.orodc.docker.ContainerInfo;
import com.orodc.docker.ProxyContainers;
import com.orodc.workflow.ProxySpecs;

import java.util.Optional;

/**
 * The one way the verbs that change the proxy (install, up, down, restart, uninstall) find it: a
 * container named {@code proxy} that orodc did not create is someone else's and is left alone unless
 * the user forces it.
 */
final class OwnedProxy {
    private OwnedProxy() {
    }

    /** The container named proxy, if any; refuses one that orodc did not create unless {@code force}. */
    static Optional<ContainerInfo> find(ProxyContainers containers, boolean force) {
        Optional<ContainerInfo> container = containers.find(ProxySpecs.CONTAINER);
        if (container.isPresent() && !container.get().managed() && !force) {
            throw new OrodcException(ExitCode.FAILURE, "a container named '" + ProxySpecs.CONTAINER
                    + "' exists that orodc did not create; leaving it alone: remove or rename it, or run again with --force");
        }
        return container;
    }

    /** As {@link #find}, for the verbs that need an installed proxy. */
    static ContainerInfo installed(ProxyContainers containers, boolean force) {
        return find(containers, force).orElseThrow(() -> new OrodcException(ExitCode.NOT_INSTALLED,
                "the proxy is not installed: run 'orodc install-proxy'"));
    }
}
