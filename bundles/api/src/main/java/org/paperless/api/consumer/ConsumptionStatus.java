package org.paperless.api.consumer;

import org.osgi.annotation.versioning.ProviderType;

/** How the consume folder watcher is doing; registered while its component is active. */
@ProviderType
public interface ConsumptionStatus {

    ConsumeFolderState state();
}
