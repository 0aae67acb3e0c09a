// Package retarget puts a motion on another character: a skeleton with
// other bone names (or none), other proportions, another rest pose (A-pose
// or T-pose), other local axes and whatever stands above its hips (a
// rotated, scaled armature node, a Root joint).
//
// Bones are matched by humanoid role (VRM 1.0's names: "hips",
// "leftUpperArm"), found the same way on both sides: a VRM file's humanoid
// table when there is one, else the skeleton's shape and rest pose
// (motion/roles), with names only for what the shape does not tell
// (fingers) or when the skeleton is not a humanoid's. The match is a list of
// "character bone ← motion bone" pairs that a person can change and save as
// JSON; a side names a joint by its name, by "#N" when it has none, or by
// "role:R", and falls back to the pair's role when the name is not in the
// file.
//
// The motion is moved by world direction, not by copying local rotations:
// each matched bone of the character turns so that it points where the
// motion's bone points on every frame, whatever either rest pose or bone
// roll is; the hips (and feet without a joint at the ball of the foot) turn
// from their own rest as the motion's do. Unmatched bones between matched
// ones share the bend. The hips travel by the motion's travel scaled by
// the ratio of the two figures' hips heights (about their legs' lengths),
// and their height is set each frame by the feet: the character's lowest
// leg point stands as high above its floor as the motion's above its
// ground, scaled.
package retarget
