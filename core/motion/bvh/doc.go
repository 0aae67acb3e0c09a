// Package bvh reads and writes Biovision Hierarchy (BVH) motion files, and
// ZIPs that hold one BVH per actor (how Move delivers ALL_BVH), as
// motion.Clips.
//
// BVH rotations are Euler angles in degrees, composed in the order their
// channels are listed (Zrotation Xrotation Yrotation means Rz × Rx × Ry);
// position channels replace the joint's OFFSET. Lengths keep the file's
// units; Read guesses whether they are metres or centimetres.
package bvh
