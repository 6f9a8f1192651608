package dev.eventletscan.deps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SitePackagesTest {
    @TempDir
    Path sp;

    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    static InstalledDistribution only(List<InstalledDistribution> dists, String normalisedName) {
        return dists.stream().filter(d -> d.normalisedName().equals(normalisedName)).findFirst().orElseThrow();
    }

    @Test
    void readsDistInfoWithRequirementsMarkersExtrasAndTheCodeItsRecordNames() throws IOException {
        write(sp.resolve("Green_Lib-1.2.dist-info/METADATA"), """
                Metadata-Version: 2.1
                Name: Green_Lib
                Version: 1.2
                Summary: a library
                  that wraps its summary
                Requires-Dist: eventlet (>=0.33)
                Requires-Dist: futurist[green]>=2 ; python_version >= "3.8"
                Requires-Dist: pytest ; extra == 'test'
                Requires-Dist: celery ; "eventlet" == extra
                Provides-Extra: test
                Provides-Extra: Eventlet

                Requires-Dist: not-a-header-any-more (the description)
                """);
        write(sp.resolve("Green_Lib-1.2.dist-info/RECORD"), """
                green_lib/__init__.py,sha256=abc,10
                green_lib/pool.py,sha256=abc,10
                green_lib/__pycache__/pool.cpython-312.pyc,,
                green_helpers.py,sha256=abc,3
                "green_lib/odd, name.py",sha256=abc,1
                Green_Lib-1.2.dist-info/METADATA,,
                Green_Lib-1.2.dist-info/RECORD,,
                __pycache__/green_helpers.cpython-312.pyc,,
                ../../../bin/green-tool,sha256=abc,100
                green_lib-1.2.data/scripts/x,,
                _speedups.cpython-312-x86_64-linux-gnu.so,,
                """);
        write(sp.resolve("green_lib/__init__.py"), "import eventlet\n");
        write(sp.resolve("green_lib/pool.py"), "");
        write(sp.resolve("green_helpers.py"), "");

        InstalledDistribution d = SitePackages.read(sp).getFirst();

        assertThat(d.name()).isEqualTo("Green_Lib");
        assertThat(d.normalisedName()).isEqualTo("green-lib");
        assertThat(d.version()).isEqualTo("1.2");
        assertThat(d.format()).isEqualTo("dist-info");
        assertThat(d.problems()).isEmpty();
        assertThat(d.providesExtras()).containsExactly("eventlet", "test");
        assertThat(d.requires()).extracting(DistRequirement::normalisedName)
                .containsExactly("eventlet", "futurist", "pytest", "celery");
        assertThat(d.requires().get(1).extras()).containsExactly("green");
        assertThat(d.requires().get(1).marker()).isEqualTo("python_version >= \"3.8\"");
        assertThat(d.requires().get(1).onlyForExtras()).isEmpty();
        assertThat(d.requires().get(2).onlyForExtras()).containsExactly("test");
        assertThat(d.requires().get(3).onlyForExtras()).containsExactly("eventlet");
        assertThat(d.topLevel()).containsExactly("green_helpers", "green_lib");
        assertThat(d.codeRootNames()).containsExactly("green_helpers.py", "green_lib");
        assertThat(d.installedFiles()).isEqualTo(10); // the ../../../bin script is outside site-packages
    }

    @Test
    void readsEggInfoWithRequiresTxtSectionsTopLevelAndInstalledFiles() throws IOException {
        Path egg = sp.resolve("oslo.service-3.0.0-py3.11.egg-info");
        write(egg.resolve("PKG-INFO"), "Metadata-Version: 2.1\nName: oslo.service\nVersion: 3.0.0\n");
        write(egg.resolve("requires.txt"), """
                eventlet>=0.25.2
                oslo.utils  # comment

                [:python_version < "3.8"]
                importlib-metadata

                [green]
                greenlet

                [green:sys_platform == "linux"]
                futurist[eventlet] ; python_version >= "3.6"
                """);
        write(egg.resolve("top_level.txt"), "oslo_service\n");
        write(egg.resolve("installed-files.txt"), "../oslo_service/__init__.py\n../oslo_service/service.py\nPKG-INFO\n");
        write(sp.resolve("oslo_service/__init__.py"), "");

        InstalledDistribution d = SitePackages.read(sp).getFirst();

        assertThat(d.name()).isEqualTo("oslo.service");
        assertThat(d.normalisedName()).isEqualTo("oslo-service");
        assertThat(d.format()).isEqualTo("egg-info");
        assertThat(d.problems()).isEmpty();
        assertThat(d.requires()).extracting(DistRequirement::toString).containsExactly(
                "eventlet", "oslo.utils", "importlib-metadata; python_version < \"3.8\"", "greenlet",
                "futurist[eventlet]; (sys_platform == \"linux\") and (python_version >= \"3.6\")");
        assertThat(d.requires()).extracting(r -> r.onlyForExtras().toString())
                .containsExactly("[]", "[]", "[]", "[green]", "[green]");
        assertThat(d.codeRootNames()).containsExactly("oslo_service");
        assertThat(d.installedFiles()).isEqualTo(3);
    }

    @Test
    void keepsOnlyCodeThatExistsAndSaysWhatIsMissing() throws IOException {
        Path info = sp.resolve("partial-1.0.dist-info");
        write(info.resolve("METADATA"), "Name: partial\nVersion: 1.0\n");
        write(info.resolve("top_level.txt"), "partial\ngone\n_cext\n../escape\n");
        write(sp.resolve("partial/__init__.py"), "");
        write(sp.resolve("_cext.cpython-312-x86_64-linux-gnu.so"), "\u007fELF");

        InstalledDistribution d = SitePackages.read(sp).getFirst();

        assertThat(d.codeRootNames()).containsExactly("partial");
        assertThat(d.topLevel()).containsExactly("partial", "gone", "_cext"); // "../escape" is refused
        assertThat(d.problems()).extracting(MetadataProblem::problem)
                .containsExactly("top-level 'gone' not found under " + sp.toAbsolutePath().normalize());
    }

    @Test
    void brokenMetadataBecomesProblemsAndTheFolderNameStandsIn() throws IOException {
        write(sp.resolve("garbled-2.0.dist-info/METADATA"), "this is not\na header block\n");
        write(sp.resolve("garbled/__init__.py"), "");
        Files.createDirectories(sp.resolve("no_metadata-0.1.dist-info"));
        write(sp.resolve("binary-1.0.dist-info/METADATA"), "Name: binary\u0000\u0001");
        write(sp.resolve("noversion.dist-info/METADATA"), "Name: noversion\n");
        write(sp.resolve("badreq-1.0.dist-info/METADATA"), "Name: badreq\nVersion: 1.0\nRequires-Dist: !!!\n");
        write(sp.resolve("badreq.py"), "");
        write(sp.resolve("badrecord-1.0.dist-info/METADATA"), "Name: badrecord\nVersion: 1.0\n");
        write(sp.resolve("badrecord-1.0.dist-info/RECORD"), "\"unclosed,quote\nbadrecord.py,,\n");
        write(sp.resolve("badrecord.py"), "");

        List<InstalledDistribution> dists = SitePackages.read(sp);

        assertThat(dists).extracting(InstalledDistribution::normalisedName)
                .containsExactly("badrecord", "badreq", "binary", "garbled", "no-metadata", "noversion");
        InstalledDistribution garbled = only(dists, "garbled");
        assertThat(garbled.version()).isEqualTo("2.0");
        assertThat(garbled.codeRootNames()).containsExactly("garbled");
        assertThat(garbled.problems()).extracting(MetadataProblem::problem).containsExactly(
                "line 1 is not a 'Field: value' header: this is not",
                "no Name field; the name is taken from the folder name",
                "no Version field; the version is taken from the folder name");
        assertThat(only(dists, "no-metadata").problems()).extracting(MetadataProblem::problem)
                .anySatisfy(p -> assertThat(p).startsWith("cannot read: NoSuchFileException"));
        assertThat(only(dists, "binary").problems()).extracting(MetadataProblem::problem)
                .contains("binary content (NUL bytes): not read");
        assertThat(only(dists, "noversion").version()).isEmpty();
        assertThat(only(dists, "noversion").problems()).extracting(MetadataProblem::problem).contains("no Version field");
        assertThat(only(dists, "badreq").problems()).extracting(MetadataProblem::problem)
                .containsExactly("Requires-Dist '!!!' is not a PEP 508 requirement");
        InstalledDistribution badRecord = only(dists, "badrecord");
        assertThat(badRecord.problems()).extracting(MetadataProblem::problem)
                .containsExactly("line 1 is not a CSV row with a path: \"unclosed,quote");
        assertThat(badRecord.codeRootNames()).containsExactly("badrecord.py");
    }

    @Test
    void narrowsASharedNamespacePackageToEachDistributionsOwnFiles() throws IOException {
        write(sp.resolve("protobuf-4.0.dist-info/METADATA"), "Name: protobuf\nVersion: 4.0\n");
        write(sp.resolve("protobuf-4.0.dist-info/top_level.txt"), "google\n");
        write(sp.resolve("protobuf-4.0.dist-info/RECORD"), "google/protobuf/__init__.py,,\ngoogle/protobuf/x.py,,\n");
        write(sp.resolve("googleapis_common_protos-1.0.dist-info/METADATA"), "Name: googleapis-common-protos\nVersion: 1\n");
        write(sp.resolve("googleapis_common_protos-1.0.dist-info/RECORD"),
                "google/api/__init__.py,,\ngoogle/api/http.py,,\ngoogle/top.py,,\n");
        write(sp.resolve("google/protobuf/__init__.py"), "");
        write(sp.resolve("google/protobuf/x.py"), "");
        write(sp.resolve("google/api/__init__.py"), "");
        write(sp.resolve("google/api/http.py"), "");
        write(sp.resolve("google/top.py"), "");
        // no file list: the whole namespace is its code, shared with the others
        write(sp.resolve("google_cloud-1.0.egg-info/PKG-INFO"), "Name: google-cloud\nVersion: 1.0\n");
        write(sp.resolve("google_cloud-1.0.egg-info/top_level.txt"), "google\n");

        List<InstalledDistribution> dists = SitePackages.read(sp);

        assertThat(only(dists, "protobuf").codeRootNames()).containsExactly("google/protobuf");
        assertThat(only(dists, "protobuf").problems()).isEmpty();
        assertThat(only(dists, "googleapis-common-protos").codeRootNames()).containsExactly("google/api", "google/top.py");
        assertThat(only(dists, "google-cloud").codeRootNames()).containsExactly("google");
    }

    @Test
    void flagsACodeRootThatTwoDistributionsClaim() throws IOException {
        write(sp.resolve("a-1.dist-info/METADATA"), "Name: a\nVersion: 1\n");
        write(sp.resolve("a-1.dist-info/top_level.txt"), "shared\n");
        write(sp.resolve("b-1.dist-info/METADATA"), "Name: b\nVersion: 1\n");
        write(sp.resolve("b-1.dist-info/top_level.txt"), "shared\n");
        write(sp.resolve("shared/__init__.py"), "");

        List<InstalledDistribution> dists = SitePackages.read(sp);

        assertThat(only(dists, "a").problems()).extracting(MetadataProblem::problem)
                .containsExactly("code root shared is shared with b; its findings count for each");
        assertThat(only(dists, "b").problems()).extracting(MetadataProblem::problem)
                .containsExactly("code root shared is shared with a; its findings count for each");
    }

    @Test
    void readsSingleFileEggInfoSourcesTxtAndGuessesFromTheName() throws IOException {
        write(sp.resolve("oldlib-0.9-py2.7.egg-info"), "Metadata-Version: 1.0\nName: oldlib\nVersion: 0.9\n");
        write(sp.resolve("oldlib.py"), "");
        write(sp.resolve("srclayout-2.0.egg-info/PKG-INFO"), "Name: srclayout\nVersion: 2.0\n");
        write(sp.resolve("srclayout-2.0.egg-info/SOURCES.txt"),
                "setup.py\nsrc/srcpkg/__init__.py\nsrc/srcpkg/core.py\ntests/test_core.py\nsrc/srclayout.egg-info/PKG-INFO\n");
        write(sp.resolve("srcpkg/__init__.py"), "");
        write(sp.resolve("tests/test_other_package.py"), ""); // some other distribution's stray tests folder
        write(sp.resolve("My_Dotted.Lib-1.0.dist-info/METADATA"), "Name: my.dotted-lib\nVersion: 1.0\n");
        write(sp.resolve("my_dotted_lib/__init__.py"), "");
        write(sp.resolve("nothing-1.0.dist-info/METADATA"), "Name: nothing\nVersion: 1.0\n");

        List<InstalledDistribution> dists = SitePackages.read(sp);

        InstalledDistribution old = only(dists, "oldlib");
        assertThat(old.metadata()).isRegularFile();
        assertThat(old.version()).isEqualTo("0.9");
        assertThat(old.codeRootNames()).containsExactly("oldlib.py");
        InstalledDistribution src = only(dists, "srclayout");
        assertThat(src.codeRootNames()).containsExactly("srcpkg");
        assertThat(src.installedFiles()).isEqualTo(-1);
        assertThat(only(dists, "my-dotted-lib").codeRootNames()).containsExactly("my_dotted_lib");
        InstalledDistribution nothing = only(dists, "nothing");
        assertThat(nothing.codeRoots()).isEmpty();
        assertThat(nothing.problems()).extracting(MetadataProblem::problem)
                .singleElement().asString().startsWith("no code found under");
    }

    @Test
    void readAllLetsTheFirstFolderWinAndReportsTheRest() throws IOException {
        Path first = sp.resolve("first");
        Path second = sp.resolve("second");
        write(first.resolve("futurist-3.0.dist-info/METADATA"), "Name: futurist\nVersion: 3.0\n");
        write(second.resolve("futurist-2.4.dist-info/METADATA"), "Name: Futurist\nVersion: 2.4\n");
        write(second.resolve("alpha-1.dist-info/METADATA"), "Name: alpha\nVersion: 1\n");
        Files.createDirectories(sp.resolve("empty"));

        SitePackages.Listing listing = SitePackages.readAll(List.of(first, second, sp.resolve("missing"), sp.resolve("empty")));

        assertThat(listing.distributions()).extracting(InstalledDistribution::toString)
                .containsExactly("alpha 1", "futurist 3.0");
        assertThat(listing.problems()).extracting(MetadataProblem::problem).contains(
                "not a folder: no installed distributions read from it",
                "no *.dist-info or *.egg-info metadata in this folder")
                .anySatisfy(p -> assertThat(p).startsWith("another copy of Futurist is ignored:"));
    }

    @Test
    void findsTheSitePackagesOfAVenvAndOfADebianTree() throws IOException {
        Path venv = sp.resolve("venv");
        Files.createDirectories(venv.resolve("lib/python3.12/site-packages"));
        Files.createDirectories(venv.resolve("lib/python3.11/site-packages"));
        Files.createDirectories(venv.resolve("lib/python2.7/site-packages")); // not Python 3
        Files.createSymbolicLink(venv.resolve("lib64"), venv.resolve("lib"));
        assertThat(SitePackages.inVenv(venv)).extracting(p -> venv.relativize(p).toString())
                .containsExactly("lib/python3.11/site-packages", "lib/python3.12/site-packages");

        Path debian = sp.resolve("root");
        Files.createDirectories(debian.resolve("usr/lib/python3/dist-packages"));
        assertThat(SitePackages.inVenv(debian)).extracting(p -> debian.relativize(p).toString())
                .containsExactly("usr/lib/python3/dist-packages");
        assertThat(SitePackages.inVenv(sp.resolve("nowhere"))).isEmpty();
    }

    @Test
    void splitsNameAndVersionFromTheFolderName() {
        assertThat(SitePackages.nameAndVersion("oslo.messaging-14.0.3.egg-info")).containsExactly("oslo.messaging", "14.0.3");
        assertThat(SitePackages.nameAndVersion("foo-1.0-py3.11.egg-info")).containsExactly("foo", "1.0");
        assertThat(SitePackages.nameAndVersion("foo.egg-info")).containsExactly("foo", "");
        assertThat(SitePackages.nameAndVersion("Green_Lib-1.2.dist-info")).containsExactly("Green_Lib", "1.2");
    }
}
