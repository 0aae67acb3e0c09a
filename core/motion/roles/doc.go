// Package roles finds a humanoid's body parts in any skeleton: which joint is
// the hips, the spine up to the head, each arm and each leg, and what the
// rest pose says about the figure (which way is up, which way it faces, how
// tall it is in the file's own units).
//
// Detection works from the hierarchy's shape and the rest pose's geometry,
// so joints without names are found as well as named ones:
//
//   - the legs and the arms are the two longest pairs of mirror-image
//     branches (two chains leaving one joint with about the same length);
//     the arms are the pair whose joint also carries a third chain (the
//     neck), the legs the pair nearer the root, pointing away from the head;
//   - the hips are where the legs' chains and the spine meet (the legs'
//     joint itself, or the joint above it that also carries the spine, as in
//     Daz rigs where the legs hang from a "pelvis" beside the "abdomen");
//   - along each limb (the chain that reaches farthest), the upper and
//     lower bones are the two consecutive long segments followed by a short
//     one (thigh and shin before the foot, upper arm and forearm before the
//     hand); the joint before them is the clavicle (arms) and the joints
//     after them the hand, or the foot and the toes;
//   - the head is where the neck's single-child chain ends (a joint with
//     several children, or the last joint; a last leaf named like an end
//     joint, "HeadTop_End", or without a name and far above its parent, is
//     the top of the head, not the head);
//   - left and right follow from the side each limb is on in the rest pose,
//     seen from where the figure faces; the feet's toes say where it faces.
//     Only when no foot has a toe or end joint do names decide ("L", "left",
//     "l" and "r" prefixes: "lfemur", "rThigh", "UpperArmL", "CC_Base_L_Thigh"),
//     and without names either, the figure is taken to face the file's usual
//     front (+Z when up is Y, −Y when up is Z, as Blender).
//
// Names never assign a role on their own; they break the one tie geometry
// cannot (which side is left when the feet say nothing). Every transform
// above the hips counts (an Armature node rotated 90° and scaled 0.01, a
// Root joint): everything here is in the skeleton's rest world space, the
// space of Skeleton.RestWorld.
//
// Roles are VRM 1.0 humanoid bone names (vrm-c/vrm-specification,
// specification/VRMC_vrm-1.0/humanoid.md), the vocabulary the rig maps in
// motion/rigs use; Unity's Humanoid avatar has the same body roles.
package roles
