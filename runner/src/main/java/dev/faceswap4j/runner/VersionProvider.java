package dev.faceswap4j.runner;

import picocli.CommandLine.IVersionProvider;

final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {"faceswap4j " + (version == null ? "(development build)" : version)};
    }
}
