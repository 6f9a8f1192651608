package dev.eventletscan.detect.manifest;

/**
 * One requirement a manifest declares.
 *
 * @param name the distribution name as written
 * @param requirement the whole requirement text ({@code eventlet>=0.33; python_version<'3.13'})
 * @param declaredAs where in the file: {@code install_requires}, {@code extras_require[test]}, {@code [testenv] deps}, ...
 * @param startByte where the requirement text starts in the file
 */
public record DeclaredDependency(String name, String requirement, String declaredAs, int startByte, int endByte) {}
