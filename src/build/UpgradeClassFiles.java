import java.io.IOException;
import java.io.InputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Build step (pom.xml, JDK 24 and newer): writes the classes of a library jar that are older than Java 6 (class file
 * version 49, as picocli's are) again as Java 8 class files, with the stack maps the JVM's checking verifier needs.
 * The JVM leaves such old classes out of a start-up (AOT) cache, so each scan loaded and verified the command-line
 * parser's 180 classes again; written anew, they are in the cache like every other class. The code is unchanged.
 *
 * <p>Usage: {@code java UpgradeClassFiles.java JAR OUT_FOLDER}: every class of JAR goes to OUT_FOLDER, under its
 * path in the jar, upgraded or as it was.
 */
public final class UpgradeClassFiles {
    private static final int OLDEST_KEPT = 50; // Java 6: the first with stack maps, which an AOT cache can verify
    private static final int WRITTEN = ClassFile.JAVA_8_VERSION;

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: UpgradeClassFiles JAR OUT_FOLDER");
        }
        Path jar = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int upgraded = 0;
        int kept = 0;
        try (ZipFile zip = new ZipFile(jar.toFile());
                URLClassLoader classes = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            // the merged types of a stack map need the classes' hierarchy: the jar's own, and the JDK's
            ClassFile files = ClassFile.of(ClassFile.StackMapsOption.GENERATE_STACK_MAPS,
                    ClassFile.ClassHierarchyResolverOption.of(ClassHierarchyResolver.defaultResolver()
                            .orElse(ClassHierarchyResolver.ofResourceParsing(classes))));
            for (ZipEntry e : Collections.list(zip.entries())) {
                if (e.isDirectory() || !e.getName().endsWith(".class") || e.getName().contains("module-info")
                        || e.getName().startsWith("META-INF/")) {
                    continue;
                }
                byte[] bytes;
                try (InputStream in = zip.getInputStream(e)) {
                    bytes = in.readAllBytes();
                }
                ClassModel model = files.parse(bytes);
                if (model.majorVersion() < OLDEST_KEPT) {
                    // the methods' code is rebuilt (which makes the stack maps), and the version raised
                    bytes = files.transformClass(model, ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL)
                            .andThen((builder, element) -> {
                                if (element instanceof ClassFileVersion) {
                                    builder.withVersion(WRITTEN, 0);
                                } else {
                                    builder.with(element);
                                }
                            }));
                    upgraded++;
                } else {
                    kept++;
                }
                Path target = out.resolve(e.getName());
                Files.createDirectories(target.getParent());
                Files.write(target, bytes);
            }
        }
        System.out.println("eventlet-scan build: " + jar.getFileName() + ": " + upgraded + " classes written as Java 8 class files, "
                + kept + " as they were");
    }
}
