package org.paperless.commands.internal;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * The components of the running paperless bundles that still wait for a service. Karaf says it has booted
 * once the features are started, but a component may come up later: one whose activation recovers work a
 * crash left (interrupted file moves) takes its time, and those that need its services wait for it. Until
 * they are up a command would say its bundle "is stopped", and a killed import's files would still lie in
 * the media folder, so the start is not finished before.
 */
final class WaitingComponents {

    /**
     * After this long the start counts as finished whatever still waits (a bundle the administrator stopped
     * leaves those that need it waiting for good); paperless:status then shows what is unavailable.
     */
    static final long PATIENCE_MILLIS = 120_000;

    private WaitingComponents() {
    }

    /** Names like "org.paperless.maintenance/RenamerComponent"; empty when none waits or after the patience. */
    static List<String> of(BundleContext context) {
        List<String> waiting = new ArrayList<>();
        if (ManagementFactory.getRuntimeMXBean().getUptime() > PATIENCE_MILLIS) {
            return waiting;
        }
        ServiceReference<ServiceComponentRuntime> reference = context.getServiceReference(ServiceComponentRuntime.class);
        if (reference == null) {
            waiting.add("Declarative Services");
            return waiting;
        }
        ServiceComponentRuntime scr = context.getService(reference);
        try {
            for (Bundle bundle : context.getBundles()) {
                String name = bundle.getSymbolicName();
                if (bundle.getState() != Bundle.ACTIVE || name == null || !name.startsWith("org.paperless.")) {
                    continue;
                }
                for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(bundle)) {
                    for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                        if (waits(description, configuration)) {
                            waiting.add(name + "/" + description.name.substring(description.name.lastIndexOf('.') + 1));
                        }
                    }
                }
            }
        } finally {
            context.ungetService(reference);
        }
        return waiting;
    }

    /**
     * Waiting for a service, or an immediate component not active yet: it is still in its activation, where
     * the components that clean up after a crash do so (the consumer's journal, interrupted file moves, a
     * killed import).
     */
    private static boolean waits(ComponentDescriptionDTO description, ComponentConfigurationDTO configuration) {
        return configuration.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE
                || (description.immediate && configuration.state == ComponentConfigurationDTO.SATISFIED);
    }
}
