package org.paperless.storage.internal.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.paperless.api.storage.DataFolders;
import org.paperless.storage.internal.config.Folders;
import org.paperless.storage.internal.config.SettingsResolver;
import org.paperless.storage.internal.config.StorageConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The instance's folders, created at activation (immediate: at start, so a user finds the consume
 * folder). A configuration change re-creates the component.
 */
@Component(service = DataFolders.class, configurationPid = StorageConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true)
@Designate(ocd = StorageConfig.class)
public class DataFoldersComponent implements DataFolders {

    private static final Logger LOG = LoggerFactory.getLogger(DataFoldersComponent.class);

    private final Folders folders;

    @Activate
    public DataFoldersComponent(StorageConfig config) throws IOException {
        this(SettingsResolver.resolve(config).folders());
    }

    public DataFoldersComponent(Folders folders) throws IOException {
        this.folders = folders;
        for (Path dir : List.of(data(), media(), originals(), archive(), thumbnails(), consumption(), index(), log())) {
            Files.createDirectories(dir);
        }
        LOG.info("Data folder {}, media {}, consumption {}", data(), media(), consumption());
    }

    @Override
    public Path data() {
        return folders.data();
    }

    @Override
    public Path media() {
        return folders.media();
    }

    @Override
    public Path consumption() {
        return folders.consumption();
    }

    @Override
    public Path index() {
        return folders.index();
    }

    @Override
    public Path log() {
        return folders.log();
    }
}
