package dev.faceswap4j.core.people;

import dev.faceswap4j.api.Detection;
import dev.faceswap4j.api.Landmarks;

/**
 * One face of one frame as extract, convert and faces see it, before the person decision.
 *
 * @param index position among the frame's faces in {@link dev.faceswap4j.core.face.FaceFinder#ORDER} (largest first)
 * @param track the face's track: the same number in other frames is the same person followed through the video
 * @param descriptor its recognition descriptor, null without an embedder
 * @param verdict its own person verdict, null when nobody is chosen (the track's majority decides: {@link PersonDecision})
 */
public record TrackedFace(int index, Detection detection, Landmarks landmarks, int track, float[] descriptor, PersonFilter.Verdict verdict) {}
