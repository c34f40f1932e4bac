import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Lists the third-party software the distribution ships, with its licence, and copies the licence and
 * notice files that software carries into the distribution.
 *
 * <p>It reads what a user receives: every jar under {@code system/} and {@code lib/} of the assembled
 * distribution, and the jars embedded in bundles (named by their {@code Embedded-Artifacts} header).
 * The Maven dependencies of the assembly module would miss most of it: Karaf's features bring their
 * bundles by feature descriptor, not by dependency.
 *
 * <p>A jar's licence comes, in this order, from the reviewed list (a person checked the project's
 * licence), the {@code Bundle-License} header, the {@code <licenses>} of the pom inside the jar, the
 * pom of the same version in the local Maven repository. A jar with none of these fails the build: add
 * it to the reviewed list once you know its licence.
 *
 * <p>Copies of the Apache License 2.0 that only repeat the distribution's own LICENSE are left out.
 *
 * <p>Run by the assembly's build with the JDK alone ({@code java ThirdPartyNotices.java DIST REPO
 * REVIEWED OWN_GROUP OWN_LICENSE}), so it needs no network and nothing outside the local repository.
 */
public final class ThirdPartyNotices {

    /** Licence and notice files worth shipping: LICENSE, NOTICE, COPYING... at the root or in META-INF. */
    private static final Pattern LEGAL_FILE = Pattern.compile(
            "(?i)(META-INF/)?(LICEN[CS]E|NOTICE|COPYING|COPYRIGHT|about)([.-][^/]*)?|META-INF/licenses/.+");
    /** A file larger than this is not a licence text; nothing above it is copied. */
    private static final int MAX_LEGAL_FILE = 512 * 1024;
    /** Manifests and poms (a big bundle's manifest lists thousands of packages). */
    private static final int MAX_METADATA = 16 * 1024 * 1024;
    /** Jars inside a jar are read into memory; a bigger one is refused rather than risk the build's heap. */
    private static final int MAX_NESTED_JAR = 64 * 1024 * 1024;

    /** Licence names, links and descriptions as jars write them, to SPDX identifiers. First match wins. */
    private static final Map<Pattern, String> SPDX = new LinkedHashMap<>();

    static {
        spdx("apache.org/licenses/license-2\\.0|apache-2\\.0|apache license,? (version )?2\\.0|apache software license,? version 2\\.0|apache2\\.0", "Apache-2.0");
        spdx("javaee/javax\\.annotation", "CDDL-1.1 OR GPL-2.0-only WITH Classpath-exception-2.0");
        spdx("classpath", "GPL-2.0-only WITH Classpath-exception-2.0");
        spdx("epl-2\\.0|eclipse public license.*2\\.0", "EPL-2.0");
        spdx("edl-v10|eclipse distribution license", "BSD-3-Clause");
        spdx("bsd-3-clause|asm\\.ow2", "BSD-3-Clause");
        spdx("bsd-2-clause", "BSD-2-Clause");
        spdx("jsoup\\.org/license|^mit$|opensource\\.org/licenses/mit", "MIT");
        spdx("lgpl-2\\.1", "LGPL-2.1-or-later");
    }

    private static void spdx(String regex, String id) {
        SPDX.put(Pattern.compile(regex, Pattern.CASE_INSENSITIVE), id);
    }

    record Coordinates(String group, String artifact, String version) implements Comparable<Coordinates> {
        @Override
        public String toString() {
            return group + ":" + artifact + ":" + version;
        }

        @Override
        public int compareTo(Coordinates o) {
            return toString().compareTo(o.toString());
        }
    }

    /** What one read of a jar found. */
    static final class JarContents {
        Manifest manifest;
        final Map<String, byte[]> poms = new TreeMap<>();
        final Map<String, Properties> pomProperties = new TreeMap<>();
        final Map<String, byte[]> legalFiles = new TreeMap<>();
        final Map<String, JarContents> nested = new TreeMap<>();
    }

    static final class Component {
        final Coordinates id;
        String name;
        String licence;
        String licenceSource;
        final TreeSet<String> locations = new TreeSet<>();
        final TreeSet<Coordinates> includes = new TreeSet<>();
        final Map<String, byte[]> legalFiles = new TreeMap<>();

        Component(Coordinates id) {
            this.id = id;
        }
    }

    private final Path dist;
    private final Path repository;
    private final Map<String, String> reviewed;
    private final String ownGroup;
    private final String ownLicence;
    private final Map<Coordinates, Component> components = new TreeMap<>();
    private final List<String> problems = new ArrayList<>();

    ThirdPartyNotices(Path dist, Path repository, Map<String, String> reviewed, String ownGroup, String ownLicence) {
        this.dist = dist;
        this.repository = repository;
        this.reviewed = reviewed;
        this.ownGroup = ownGroup;
        this.ownLicence = comparable(ownLicence);
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 5) {
            System.err.println("usage: java ThirdPartyNotices.java DISTRIBUTION_DIR LOCAL_REPOSITORY REVIEWED_LICENCES"
                    + " OWN_GROUP_ID OWN_LICENSE_FILE");
            System.exit(2);
        }
        ThirdPartyNotices notices = new ThirdPartyNotices(Path.of(args[0]), Path.of(args[1]),
                readReviewed(Path.of(args[2])), args[3], Files.readString(Path.of(args[4]), StandardCharsets.UTF_8));
        notices.scan();
        if (!notices.problems.isEmpty()) {
            notices.problems.forEach(p -> System.err.println("[third-party] " + p));
            System.exit(1);
        }
        notices.write();
        System.out.println("[third-party] " + notices.components.size() + " components listed in "
                + notices.dist.resolve("THIRD-PARTY.txt"));
    }

    /** Lines "groupId:artifactId = licence" (artifactId may be *); # starts a comment. */
    static Map<String, String> readReviewed(Path file) throws IOException {
        Map<String, String> reviewed = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String content = line.replaceFirst("#.*", "").strip();
            if (content.isEmpty()) {
                continue;
            }
            int eq = content.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException(file + ": expected 'groupId:artifactId = licence': " + line);
            }
            reviewed.put(content.substring(0, eq).strip(), content.substring(eq + 1).strip());
        }
        return reviewed;
    }

    void scan() throws IOException {
        for (String folder : List.of("system", "lib")) {
            Path root = dist.resolve(folder);
            if (!Files.isDirectory(root)) {
                continue;
            }
            List<Path> jars;
            try (Stream<Path> files = Files.walk(root)) {
                jars = files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
            }
            for (Path jar : jars) {
                JarContents contents;
                try (InputStream in = Files.newInputStream(jar)) {
                    contents = read(in, true);
                }
                String location = dist.relativize(jar).toString();
                Coordinates id = folder.equals("system") ? fromRepositoryPath(root.relativize(jar))
                        : fromPomProperties(contents, jar.getFileName().toString());
                if (id == null) {
                    problems.add("cannot tell which artifact " + location + " is: no pom.properties inside");
                    continue;
                }
                add(id, location, contents);
                addEmbedded(location, contents);
            }
        }
    }

    /** system/ is a Maven repository: group/path/artifact/version/artifact-version[-classifier].jar */
    static Coordinates fromRepositoryPath(Path relative) {
        int n = relative.getNameCount();
        String version = relative.getName(n - 2).toString();
        String artifact = relative.getName(n - 3).toString();
        String group = relative.subpath(0, n - 3).toString().replace(relative.getFileSystem().getSeparator(), ".");
        return new Coordinates(group, artifact, version);
    }

    /** The pom.properties of the jar itself: the one whose artifact and version its file name carries. */
    static Coordinates fromPomProperties(JarContents contents, String fileName) {
        for (Properties p : contents.pomProperties.values()) {
            String artifact = p.getProperty("artifactId");
            String version = p.getProperty("version");
            if (artifact != null && version != null && fileName.startsWith(artifact + "-" + version)) {
                return new Coordinates(p.getProperty("groupId"), artifact, version);
            }
        }
        return contents.pomProperties.size() == 1 ? coordinates(contents.pomProperties.values().iterator().next()) : null;
    }

    private static Coordinates coordinates(Properties p) {
        return new Coordinates(p.getProperty("groupId"), p.getProperty("artifactId"), p.getProperty("version"));
    }

    /** Jars inside a bundle, named by the bundle's Embedded-Artifacts header (maven-bundle-plugin writes it). */
    private void addEmbedded(String outerLocation, JarContents outer) {
        Map<String, Coordinates> declared = embeddedArtifacts(outer.manifest);
        for (Map.Entry<String, JarContents> nested : outer.nested.entrySet()) {
            String entry = nested.getKey();
            Coordinates id = declared.get(entry);
            if (id == null) {
                id = fromPomProperties(nested.getValue(), entry.substring(entry.lastIndexOf('/') + 1));
            }
            String location = outerLocation + "!/" + entry;
            if (id == null) {
                problems.add("cannot tell which artifact " + location + " is: not in Embedded-Artifacts, no pom.properties");
                continue;
            }
            add(id, location, nested.getValue());
        }
    }

    static Map<String, Coordinates> embeddedArtifacts(Manifest manifest) {
        Map<String, Coordinates> result = new TreeMap<>();
        String header = manifest == null ? null : manifest.getMainAttributes().getValue("Embedded-Artifacts");
        if (header == null) {
            return result;
        }
        for (String clause : splitClauses(header)) {
            String[] parts = clause.split(";");
            Map<String, String> attributes = attributes(parts);
            result.put(parts[0].strip(), new Coordinates(attributes.get("g"), attributes.get("a"), attributes.get("v")));
        }
        return result;
    }

    private void add(Coordinates id, String location, JarContents contents) {
        if (id.group().equals(ownGroup)) {
            return;
        }
        Component c = components.computeIfAbsent(id, Component::new);
        c.locations.add(location);
        if (c.licence != null) {
            return;
        }
        c.name = name(id, contents);
        contents.legalFiles.forEach((file, text) -> {
            if (!comparable(new String(text, StandardCharsets.UTF_8)).equals(ownLicence)) {
                c.legalFiles.put(file, text);
            }
        });
        for (Properties p : contents.pomProperties.values()) {
            Coordinates included = coordinates(p);
            if (!included.group().equals(id.group()) || !included.artifact().equals(id.artifact())) {
                c.includes.add(included);
            }
        }
        licence(c, contents);
        if (c.licence == null) {
            problems.add("no licence found for " + id + " (" + location + "): check the project's licence and add "
                    + "'" + id.group() + ":" + id.artifact() + " = <SPDX id>' to the reviewed list");
        }
    }

    private void licence(Component c, JarContents contents) {
        Coordinates id = c.id;
        String value = reviewed.get(id.group() + ":" + id.artifact());
        if (value == null) {
            value = reviewed.get(id.group() + ":*");
        }
        if (value != null) {
            c.licence = value;
            c.licenceSource = "reviewed";
            return;
        }
        String header = contents.manifest == null ? null : contents.manifest.getMainAttributes().getValue("Bundle-License");
        if (header != null && !header.isBlank()) {
            c.licence = fromBundleLicense(header);
            c.licenceSource = "Bundle-License";
            return;
        }
        byte[] pom = contents.poms.get(id.group() + "/" + id.artifact());
        String fromPom = pom == null ? null : fromPom(new String(pom, StandardCharsets.UTF_8));
        if (fromPom != null) {
            c.licence = fromPom;
            c.licenceSource = "pom in the jar";
            return;
        }
        Path repositoryPom = repository.resolve(id.group().replace('.', '/')).resolve(id.artifact()).resolve(id.version())
                .resolve(id.artifact() + "-" + id.version() + ".pom");
        if (Files.isRegularFile(repositoryPom)) {
            try {
                fromPom = fromPom(Files.readString(repositoryPom, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (fromPom != null) {
                c.licence = fromPom;
                c.licenceSource = "pom";
            }
        }
    }

    /** Bundle-License: clauses "name;link=...;description=..."; several clauses are alternatives. */
    static String fromBundleLicense(String header) {
        TreeSet<String> ids = new TreeSet<>();
        for (String clause : splitClauses(header)) {
            String[] parts = clause.split(";");
            String name = unquote(parts[0].strip());
            String link = attributes(parts).get("link");
            ids.add(toSpdx(name, link));
        }
        return String.join(" OR ", ids);
    }

    private static final Pattern POM_LICENSE = Pattern.compile("<license>(.*?)</license>", Pattern.DOTALL);
    private static final Pattern POM_NAME = Pattern.compile("<name>\\s*(.*?)\\s*</name>", Pattern.DOTALL);
    private static final Pattern POM_URL = Pattern.compile("<url>\\s*(.*?)\\s*</url>", Pattern.DOTALL);

    /** The pom's own licenses section (a parent's is not looked up: the reviewed list covers those). */
    static String fromPom(String pom) {
        int start = pom.indexOf("<licenses>");
        int end = pom.indexOf("</licenses>");
        if (start < 0 || end < start) {
            return null;
        }
        TreeSet<String> ids = new TreeSet<>();
        Matcher license = POM_LICENSE.matcher(pom.substring(start, end));
        while (license.find()) {
            Matcher name = POM_NAME.matcher(license.group(1));
            Matcher url = POM_URL.matcher(license.group(1));
            ids.add(toSpdx(name.find() ? name.group(1) : "", url.find() ? url.group(1) : null));
        }
        return ids.isEmpty() ? null : String.join(" OR ", ids);
    }

    static String toSpdx(String name, String link) {
        for (String text : new String[] {name, link}) {
            if (text == null || text.isBlank()) {
                continue;
            }
            for (Map.Entry<Pattern, String> e : SPDX.entrySet()) {
                if (e.getKey().matcher(text.strip()).find()) {
                    return e.getValue();
                }
            }
        }
        return name.isBlank() ? String.valueOf(link) : name;
    }

    /** Splits an OSGi header at commas that are not inside double quotes. */
    static List<String> splitClauses(String header) {
        List<String> clauses = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char ch : header.toCharArray()) {
            if (ch == '"') {
                quoted = !quoted;
            }
            if (ch == ',' && !quoted) {
                clauses.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(ch);
            }
        }
        if (!current.toString().isBlank()) {
            clauses.add(current.toString().strip());
        }
        return clauses;
    }

    private static Map<String, String> attributes(String[] parts) {
        Map<String, String> attributes = new TreeMap<>();
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq > 0) {
                attributes.put(parts[i].substring(0, eq).strip(), unquote(parts[i].substring(eq + 1).strip()));
            }
        }
        return attributes;
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    /** Licence texts compared without their layout or the scheme of their links. */
    static String comparable(String text) {
        return text.replace("https://", "http://").replaceAll("\\s+", " ").strip();
    }

    private static String name(Coordinates id, JarContents contents) {
        if (contents.manifest != null) {
            for (String header : List.of("Bundle-Name", "Specification-Title", "Implementation-Title")) {
                String value = contents.manifest.getMainAttributes().getValue(header);
                // "%key" is a localized value, "${...}" an unexpanded build variable: neither is a name.
                if (value != null && !value.isBlank() && !value.contains("${") && !value.startsWith("%")) {
                    return value.strip();
                }
            }
        }
        return id.artifact();
    }

    /** One pass over a jar: its manifest, poms, licence files and (one level deep) the jars inside it. */
    static JarContents read(InputStream in, boolean withNested) throws IOException {
        JarContents contents = new JarContents();
        ZipInputStream zip = new ZipInputStream(in);
        for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
            String name = e.getName();
            if (e.isDirectory()) {
                continue;
            }
            if (name.equals("META-INF/MANIFEST.MF")) {
                contents.manifest = new Manifest(new java.io.ByteArrayInputStream(readBounded(zip, MAX_METADATA, name)));
            } else if (name.startsWith("META-INF/maven/") && name.endsWith("/pom.properties")) {
                Properties p = new Properties();
                p.load(new java.io.ByteArrayInputStream(readBounded(zip, MAX_LEGAL_FILE, name)));
                contents.pomProperties.put(name, p);
            } else if (name.startsWith("META-INF/maven/") && name.endsWith("/pom.xml")) {
                String[] parts = name.split("/");
                if (parts.length == 5) {
                    contents.poms.put(parts[2] + "/" + parts[3], readBounded(zip, MAX_METADATA, name));
                }
            } else if (LEGAL_FILE.matcher(name).matches() && !name.endsWith(".class")
                    && e.getSize() <= MAX_LEGAL_FILE) {
                contents.legalFiles.put(name, readBounded(zip, MAX_LEGAL_FILE, name));
            } else if (withNested && name.endsWith(".jar")) {
                byte[] jar = readBounded(zip, MAX_NESTED_JAR, name);
                contents.nested.put(name, read(new java.io.ByteArrayInputStream(jar), false));
            }
        }
        return contents;
    }

    private static byte[] readBounded(InputStream in, int limit, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) > 0; ) {
            out.write(buffer, 0, n);
            if (out.size() > limit) {
                throw new IOException(name + " is larger than " + limit + " bytes");
            }
        }
        return out.toByteArray();
    }

    void write() throws IOException {
        Path licenses = dist.resolve("licenses");
        deleteTree(licenses);
        Map<String, List<Component>> byLicence = new TreeMap<>(Comparator.comparing((String s) -> s.toLowerCase(Locale.ROOT)));
        for (Component c : components.values()) {
            byLicence.computeIfAbsent(c.licence, k -> new ArrayList<>()).add(c);
        }
        StringBuilder out = new StringBuilder();
        out.append("Third-party software in this distribution\n")
                .append("=========================================\n\n")
                .append("Paperless itself is under the Apache License 2.0 (LICENSE). It ships the software below, each\n")
                .append("under its own licence (SPDX identifiers; \"A OR B\" means a choice). The build lists every jar in\n")
                .append("system/ and lib/ and every jar embedded in a Paperless bundle (shown as bundle!/jar). The licence\n")
                .append("and notice files that came inside each jar are in licenses/<groupId>/<artifactId>-<version>/\n")
                .append("(a jar's copy of the Apache License 2.0 is left out there: it is the text in LICENSE).\n")
                .append("Where the licence was read: [Bundle-License] the jar's manifest, [pom in the jar] or [pom] its\n")
                .append("Maven pom, [reviewed] checked by hand (assembly/src/build/reviewed-licences.txt).\n");
        for (Map.Entry<String, List<Component>> group : byLicence.entrySet()) {
            out.append("\n").append(group.getKey()).append(" (").append(group.getValue().size()).append(")\n");
            for (Component c : group.getValue()) {
                out.append("  ").append(c.id).append("  ").append(c.name).append("  [").append(c.licenceSource).append("]\n");
                for (String location : c.locations) {
                    out.append("      ").append(location).append("\n");
                }
                if (!c.includes.isEmpty()) {
                    out.append("      includes ").append(String.join(", ", c.includes.stream().map(Coordinates::toString).toList())).append("\n");
                }
                if (!c.legalFiles.isEmpty()) {
                    Path folder = licenses.resolve(c.id.group()).resolve(c.id.artifact() + "-" + c.id.version());
                    for (Map.Entry<String, byte[]> f : c.legalFiles.entrySet()) {
                        Path target = folder.resolve(f.getKey()).normalize();
                        if (!target.startsWith(folder)) {
                            throw new IOException("unsafe entry name " + f.getKey() + " in " + c.id);
                        }
                        Files.createDirectories(target.getParent());
                        Files.write(target, f.getValue());
                    }
                }
            }
        }
        Files.writeString(dist.resolve("THIRD-PARTY.txt"), out, StandardCharsets.UTF_8);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
