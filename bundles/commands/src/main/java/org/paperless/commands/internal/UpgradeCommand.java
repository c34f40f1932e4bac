package org.paperless.commands.internal;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;

import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.features.Repository;
import org.apache.karaf.kar.KarService;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Parsing;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.paperless.api.storage.SchemaMigrations;

/**
 * Moves every installed paperless feature to the newer version a feature repository or a KAR brings,
 * without stopping Karaf: the plain Karaf steps ({@code kar:install} or {@code feature:repo-add}, then
 * {@code feature:install --upgrade}) in one command that says what changed. The new storage bundle
 * migrates the schema up as it starts.
 */
@Service
@Parsing(OptionsAnywhereParser.class)
@Command(scope = "paperless", name = "upgrade",
        description = "Upgrade the paperless features to the version a feature repository or KAR file brings, without a restart")
public class UpgradeCommand implements Action {

    private static final String KAR_REPOSITORIES = "Karaf-Feature-Repos";

    @Argument(index = 0, name = "source", required = true,
            description = "A KAR file (path or URL ending in .kar), or a feature repository URL (mvn:..., file:..., http:...)")
    String source;

    @Reference
    FeaturesService features;

    @Reference(optional = true)
    KarService kars;

    @Reference
    BundleContext context;

    @Reference(optional = true)
    SchemaMigrations migrations;

    @Override
    public Object execute() throws Exception {
        Capabilities.storage(migrations);
        int schemaBefore = migrations.current();
        FeatureMove move = new FeatureMove(features, context);
        Map<String, Feature> required = move.required();
        String from = FeatureMove.versionOf(required);
        List<URI> repositories = register(sourceUri(source));
        String to = newestPaperless(repositories);
        if (Version.parseVersion(to).compareTo(Version.parseVersion(from)) <= 0) {
            throw new IllegalArgumentException("The source brings paperless " + to + ", not newer than the installed "
                    + from + (to.equals(from) ? "; nothing to do" : "; to go back, use paperless:rollback " + to));
        }
        Set<String> targets = move.targets(required.keySet(), to);
        List<String> kept = new ArrayList<>();
        for (String name : required.keySet()) {
            if (!targets.contains(name + "/" + to)) {
                kept.add(name + " " + required.get(name).getVersion());
            }
        }
        int schemaAfter = move.move(targets, to,
                "Upgraded paperless " + from + " -> " + to + " (" + String.join(", ", targets) + ")", System.out);
        if (!kept.isEmpty()) {
            System.out.println("Left as they were (not in the new repository): " + String.join(", ", kept));
        }
        if (schemaAfter < 0) {
            throw new IllegalStateException("The storage bundle " + to + " has not come up within 120 s: see"
                    + " paperless:status and log:display (a schema newer than it knows, or the database unreachable)");
        }
        System.out.println("Schema " + (schemaAfter == schemaBefore ? "stays at " + schemaAfter
                : "migrated " + schemaBefore + " -> " + schemaAfter));
        System.out.println("To go back: paperless:rollback " + from);
        return null;
    }

    /** Makes the source's feature repositories known to Karaf; answers their URIs. */
    private List<URI> register(URI uri) throws Exception {
        if (!isKar(uri)) {
            if (features.getRepository(uri) == null) {
                features.addRepository(uri);
            }
            return List.of(uri);
        }
        if (kars == null) {
            throw new IllegalStateException("Karaf's kar feature is not installed: feature:install kar, then try again");
        }
        Set<URI> before = repositoryUris();
        List<URI> declared = declaredRepositories(uri);
        if (kars.list().contains(karName(uri)) || before.stream().anyMatch(declared::contains)) {
            // Installed before (an upgrade after a rollback). Karaf would install it again by first removing its
            // repositories, and with them the features installed from them: the running version.
            for (URI repository : declared) {
                if (!before.contains(repository)) {
                    features.addRepository(repository);
                }
            }
        } else {
            kars.install(uri, false, false);
        }
        if (!declared.isEmpty()) {
            return declared;
        }
        List<URI> added = new ArrayList<>(repositoryUris());
        added.removeAll(before);
        if (added.isEmpty()) {
            throw new IllegalArgumentException("The KAR " + uri + " brought no feature repository");
        }
        return added;
    }

    /** A .kar file, or a KAR in a Maven repository (mvn:group/artifact/version/kar). */
    static boolean isKar(URI uri) {
        String text = uri.toString();
        return text.endsWith(".kar") || (text.startsWith("mvn:") && text.endsWith("/kar"));
    }

    /** The name Karaf gives an installed KAR: its file name without ".kar". */
    private static String karName(URI uri) {
        String text = uri.toString();
        String name = text.substring(text.lastIndexOf('/') + 1);
        return name.endsWith(".kar") ? name.substring(0, name.length() - 4) : name;
    }

    /** The newest version of the feature "paperless" in these repositories. */
    private String newestPaperless(List<URI> repositories) throws Exception {
        Version newest = null;
        for (URI uri : repositories) {
            Repository repository = features.getRepository(uri);
            for (Feature feature : repository == null ? new Feature[0] : repository.getFeatures()) {
                Version version = Version.parseVersion(feature.getVersion());
                if (feature.getName().equals("paperless") && (newest == null || version.compareTo(newest) > 0)) {
                    newest = version;
                }
            }
        }
        if (newest == null) {
            throw new IllegalArgumentException("No paperless feature in " + repositories + ": is this a paperless release?");
        }
        return newest.toString();
    }

    private Set<URI> repositoryUris() throws Exception {
        Set<URI> uris = new LinkedHashSet<>();
        for (Repository repository : features.listRepositories()) {
            uris.add(repository.getURI());
        }
        return uris;
    }

    /** The KAR manifest's Karaf-Feature-Repos, or nothing when it does not name them. */
    private static List<URI> declaredRepositories(URI kar) throws Exception {
        try (InputStream in = kar.toURL().openStream(); JarInputStream jar = new JarInputStream(in)) {
            Manifest manifest = jar.getManifest();
            String value = manifest == null ? null : manifest.getMainAttributes().getValue(KAR_REPOSITORIES);
            if (value == null || value.isBlank()) {
                return List.of();
            }
            return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(URI::create).toList();
        }
    }

    /** A path ("/srv/paperless-0.2.0.kar", "next.kar") or a URL. */
    static URI sourceUri(String source) {
        if (source.matches("^[a-zA-Z][a-zA-Z0-9+.-]+:.*") && !source.matches("^[a-zA-Z]:\\\\.*")) {
            return URI.create(source);
        }
        Path path = Path.of(source).toAbsolutePath();
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("No such file: " + path + " (give a .kar file or a feature repository URL)");
        }
        return path.toUri();
    }
}
