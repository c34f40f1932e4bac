package org.paperless.commands.internal;

import java.io.PrintStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;

/**
 * Moves the installed paperless features to another version in one resolution, as {@code feature:install
 * --upgrade} does, and says what changed. The move updates this very bundle: once it has begun, this
 * bundle's class loader may be gone, so {@link #move} runs everything it does after the installation once
 * before it, with only JDK, OSGi and Karaf classes, and the system bundle's context stands in for this
 * bundle's.
 */
final class FeatureMove {

    private static final String STORAGE_BUNDLE = "org.paperless.storage";
    private static final String MIGRATIONS = "org.paperless.api.storage.SchemaMigrations";
    private static final long SCHEMA_WAIT_MILLIS = 120_000;

    private final FeaturesService features;
    private final BundleContext system;

    FeatureMove(FeaturesService features, BundleContext context) {
        this.features = features;
        this.system = context.getBundle(0).getBundleContext();
    }

    /** The paperless features an administrator asked for (feature:install or the boot list), by name. */
    Map<String, Feature> required() throws Exception {
        Map<String, Feature> required = new TreeMap<>();
        for (Feature feature : features.listRequiredFeatures()) {
            if (isPaperless(feature.getName())) {
                required.put(feature.getName(), feature);
            }
        }
        if (required.isEmpty()) {
            throw new IllegalStateException("No paperless feature is installed as a requirement (feature:requirement-list);"
                    + " nothing to move");
        }
        return required;
    }

    /** The one version the required paperless features are at ("0.1.0.SNAPSHOT"). */
    static String versionOf(Map<String, Feature> required) {
        Feature main = required.containsKey("paperless") ? required.get("paperless") : required.values().iterator().next();
        return main.getVersion();
    }

    /** Each of {@code names} at {@code version} in the registered repositories, as "name/version"; absent ones are left out. */
    Set<String> targets(Set<String> names, String version) throws Exception {
        Set<String> targets = new TreeSet<>();
        for (Feature candidate : features.listFeatures()) {
            if (names.contains(candidate.getName()) && candidate.getVersion().equals(version)) {
                targets.add(candidate.getName() + "/" + version);
            }
        }
        return targets;
    }

    /** Every version of the feature {@code name} in the registered repositories, newest last. */
    List<String> versions(String name) throws Exception {
        List<Version> versions = new ArrayList<>();
        // listFeatures, not getFeatures(name): that one answers only the newest version.
        for (Feature feature : features.listFeatures()) {
            if (feature.getName().equals(name)) {
                versions.add(Version.parseVersion(feature.getVersion()));
            }
        }
        versions.sort(null);
        return versions.stream().map(Version::toString).distinct().toList();
    }

    /**
     * The move itself: the old versions leave and the new ones come in one resolution. Then prints the
     * headline and each bundle whose version changed, and answers the schema's number once the storage
     * bundle at {@code to} is up (-1 when it is not within 120 s).
     */
    int move(Set<String> targets, String to, String headline, PrintStream out) throws Exception {
        Map<String, String> before = bundleVersions();
        // Everything below the installation runs once before it, so that nothing of this bundle loads after.
        out.print(String.join("", changes(before, bundleVersions())));
        rehearseWaiting();

        features.installFeatures(targets, EnumSet.of(FeaturesService.Option.Upgrade));

        int schema = awaitSchema(to, SCHEMA_WAIT_MILLIS);
        out.println(headline);
        for (String line : changes(before, bundleVersions())) {
            out.println(line);
        }
        return schema;
    }

    /** The paperless bundles and their versions, by symbolic name. */
    Map<String, String> bundleVersions() {
        Map<String, String> versions = new TreeMap<>();
        for (Bundle bundle : system.getBundles()) {
            String name = bundle.getSymbolicName();
            if (name != null && name.startsWith("org.paperless.") && bundle.getState() != Bundle.UNINSTALLED) {
                String version = bundle.getVersion().toString();
                String other = versions.get(name);
                versions.put(name, other == null ? version : other + ", " + version);
            }
        }
        return versions;
    }

    /**
     * Waits until the storage bundle at {@code version} has brought the schema to what it knows (its
     * migrations service exists only then) and answers the schema's number; -1 after the time limit.
     */
    /** Runs every line of the waiting once (a fraction of a second), so that none has to load after the move. */
    private void rehearseWaiting() throws InterruptedException {
        awaitSchema("", 1);
    }

    private int awaitSchema(String version, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (true) {
            int schema = schemaOf(version);
            if (schema >= 0 || System.currentTimeMillis() > deadline) {
                return schema;
            }
            Thread.sleep(100);
        }
    }

    /** Lines "org.paperless.storage  0.1.0.SNAPSHOT -> 0.1.1" for every bundle whose version changed. */
    static List<String> changes(Map<String, String> before, Map<String, String> after) {
        List<String> lines = new ArrayList<>();
        Set<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        for (String name : names) {
            String from = before.getOrDefault(name, "-");
            String to = after.getOrDefault(name, "-");
            if (!from.equals(to)) {
                lines.add(String.format("  %-30s %s -> %s", name, from, to));
            }
        }
        return lines;
    }

    /** Compares versions by major.minor.micro only: 0.1.0 and 0.1.0.SNAPSHOT are the same release. */
    static int compareRelease(String a, String b) {
        Version x = Version.parseVersion(normalized(a));
        Version y = Version.parseVersion(normalized(b));
        return new Version(x.getMajor(), x.getMinor(), x.getMicro())
                .compareTo(new Version(y.getMajor(), y.getMinor(), y.getMicro()));
    }

    /** "0.1.0-SNAPSHOT" (Maven's spelling) as OSGi spells it: "0.1.0.SNAPSHOT". */
    static String normalized(String version) {
        return version.trim().replaceFirst("^(\\d+(\\.\\d+){0,2})-", "$1.");
    }

    static boolean isPaperless(String featureName) {
        // paperless-liquibase has Liquibase's version, which a paperless release does not change.
        return (featureName.equals("paperless") || featureName.startsWith("paperless-"))
                && !featureName.equals("paperless-liquibase");
    }

    /** The schema number from the migrations service of the storage bundle at {@code version}, or -1. */
    private int schemaOf(String version) {
        try {
            ServiceReference<?>[] refs = system.getAllServiceReferences(MIGRATIONS, null);
            if (refs == null) {
                return -1;
            }
            for (ServiceReference<?> ref : refs) {
                Bundle owner = ref.getBundle();
                if (owner != null && STORAGE_BUNDLE.equals(owner.getSymbolicName())
                        && owner.getVersion().toString().equals(version)) {
                    Object service = system.getService(ref);
                    try {
                        // The service's interface is the new api bundle's class, not the one this bundle saw.
                        Method current = service.getClass().getMethod("current");
                        return ((Number) current.invoke(service)).intValue();
                    } finally {
                        system.ungetService(ref);
                    }
                }
            }
            return -1;
        } catch (Exception e) {
            return -1;
        }
    }
}
