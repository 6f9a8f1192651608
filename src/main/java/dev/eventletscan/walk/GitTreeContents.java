package dev.eventletscan.walk;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;

/**
 * The bytes of one commit's files, from git objects. Safe for the scan's worker threads: each read opens its
 * own object reader.
 *
 * @param memo blobs read lately, shared by the commits of one run
 * @param top the folder the files' synthetic paths sit under
 * @param blobs each listed file's blob, by path relative to the scan root
 * @param packages the folders of the commit holding an {@code __init__.py}, relative to the repository's top ("" for the top)
 */
record GitTreeContents(Repository repository, BlobMemo memo, Path top, Map<String, ObjectId> blobs, Set<String> packages)
        implements FileContents {
    GitTreeContents {
        blobs = Map.copyOf(blobs);
        packages = Set.copyOf(packages);
    }

    @Override
    public byte[] read(SourceFile file) throws IOException {
        ObjectId id = blob(file);
        byte[] known = memo.get(id);
        if (known != null) {
            return known.clone(); // the engine may not change what others read, but it is not asked to promise that
        }
        byte[] bytes;
        try (ObjectReader reader = repository.newObjectReader()) {
            bytes = GitTreeWalker.bytes(reader, id);
        }
        memo.put(id, bytes);
        return bytes.clone();
    }

    @Override
    public long size(SourceFile file) throws IOException {
        ObjectId id = blob(file);
        long known = memo.size(id);
        if (known >= 0) {
            return known;
        }
        try (ObjectReader reader = repository.newObjectReader()) {
            long size = reader.getObjectSize(id, Constants.OBJ_BLOB);
            memo.putSize(id, size);
            return size;
        }
    }

    @Override
    public boolean isPackage(Path directory) {
        Path dir = directory.toAbsolutePath().normalize();
        if (!dir.startsWith(top)) {
            return false; // above the repository: not part of the commit
        }
        return packages.contains(top.relativize(dir).toString().replace('\\', '/'));
    }

    private ObjectId blob(SourceFile file) throws NoSuchFileException {
        ObjectId id = blobs.get(file.relativePath());
        if (id == null) {
            throw new NoSuchFileException(file.relativePath(), null, "not in the commit's tree");
        }
        return id;
    }
}
