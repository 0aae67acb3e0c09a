// Package motion is the model every motion format and tool in Singlecam shares:
// skeletons (joints, parents, rest transforms), clips (a frame rate and, per
// actor, per-frame local transforms), the vector, quaternion and matrix maths
// they need, and forward kinematics to world positions, bounds and floor height.
//
// It depends on nothing outside the standard library. File formats live in
// their own packages (motion/bvh, motion/gltf) that depend on this one and never
// on each other. The conventions are glTF's: right-handed, Y up, column
// vectors, a joint's local transform is translation × rotation × scale, and a
// joint's world transform is its parent's world transform × its local one.
package motion
