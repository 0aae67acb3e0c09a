package fix

import (
	"math"

	"singlecam/core/motion"
)

// Upright turns a clip whose figure stands along up (a unit axis such as
// +Z, Blender's and iClone's up) so that it stands along +Y, the model's
// up, by the shortest turn: +Z up with −Y forward (Blender's front) comes
// out Y up facing +Z. Only the roots change, as in ZUp.
func Upright(c *motion.Clip, up motion.Vec3) *motion.Clip {
	up = up.Normalize()
	y := motion.Vec3{Y: 1}
	d := up.Dot(y)
	switch {
	case d > 1-1e-12:
		return cloneClip(c)
	case d < -1+1e-12: // upside down: half a turn about X
		return turn(c, motion.AxisAngle(motion.Vec3{X: 1}, math.Pi))
	}
	axis := up.Cross(y).Normalize()
	return turn(c, motion.AxisAngle(axis, math.Acos(d)))
}
