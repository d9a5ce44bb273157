package dev.faceswap4j.api;

/** Service interface of face detector plugins ({@code faceswap4j.detector = <name>}). */
public interface FaceDetectorProvider extends StageProvider<FaceDetector> {}
