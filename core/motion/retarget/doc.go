// Package retarget puts a motion on another character: a skeleton with
// other bone names, other proportions, another rest pose (A-pose or T-pose)
// and other local axes.
//
// Bones are matched by humanoid role (VRM 1.0's names: "hips",
// "leftUpperArm"): from a VRM file's humanoid table when there is one, else
// from the rig maps in motion/rigs (Move One, Mixamo, Unreal mannequin,
// Unity, VRM names), else from the bones' names after normalising them. The
// match is a list of "character bone ← motion bone" pairs that a person can
// change and save as JSON.
//
// The motion is moved by world direction, not by copying local rotations:
// each matched bone of the character turns so that it points where the
// motion's bone points on every frame, whatever either rest pose or bone
// roll is. The hips' travel is scaled by the ratio of the legs' lengths so
// the feet stay on the floor; unmatched bones keep their rest pose.
package retarget
