package dev.faceswap4j.api;

/** Service interface of convert's blend plugins ({@code faceswap4j.convert.blend = <name>}). */
public interface FaceBlenderProvider extends StageProvider<FaceBlender> {}
