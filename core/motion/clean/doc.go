// Package clean tidies a captured motion before it leaves Singlecam, the way
// an animator would in MotionBuilder or Blender: it finds when each foot is
// planted, keeps a planted foot where it landed (two-bone IK on the leg,
// lowering the hips a little rather than over-stretching a knee), puts the
// planted feet on the floor, and smooths jitter without lag. It also
// measures the result: foot skate, jitter, fidelity, swing kept, the
// lowest foot and how far planted feet stand from the floor (see Numbers),
// so a user and the tests judge a clean-up by the same figures, and says
// in plain words what got worse (Report.Worse).
//
// Everything here is a pure function over an in-memory clip: no files, no
// goroutines. The algorithms take the joints they need explicitly (a Body);
// BodyOf finds them on a skeleton through package roles.
package clean
