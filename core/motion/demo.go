package motion

import "math"

// demoJoints is a small humanoid in metres, Y up, facing +Z, arms out in a
// T-pose; its left side is +X.
var demoJoints = []Joint{
	{Name: "Hips", Parent: -1, Rest: at(0, 0.95, 0)},
	{Name: "Spine", Parent: 0, Rest: at(0, 0.12, 0)},
	{Name: "Chest", Parent: 1, Rest: at(0, 0.2, 0)},
	{Name: "Neck", Parent: 2, Rest: at(0, 0.2, 0)},
	{Name: "Head", Parent: 3, Rest: at(0, 0.1, 0)},
	{Name: "Head_end", Parent: 4, Rest: at(0, 0.18, 0), Kind: End},
	{Name: "LeftArm", Parent: 2, Rest: at(0.18, 0.15, 0)},
	{Name: "LeftForeArm", Parent: 6, Rest: at(0.28, 0, 0)},
	{Name: "LeftHand", Parent: 7, Rest: at(0.25, 0, 0)},
	{Name: "RightArm", Parent: 2, Rest: at(-0.18, 0.15, 0)},
	{Name: "RightForeArm", Parent: 9, Rest: at(-0.28, 0, 0)},
	{Name: "RightHand", Parent: 10, Rest: at(-0.25, 0, 0)},
	{Name: "LeftUpLeg", Parent: 0, Rest: at(0.1, -0.05, 0)},
	{Name: "LeftLeg", Parent: 12, Rest: at(0, -0.42, 0)},
	{Name: "LeftFoot", Parent: 13, Rest: at(0, -0.42, 0)},
	{Name: "LeftToeBase", Parent: 14, Rest: at(0, -0.06, 0.14)},
	{Name: "RightUpLeg", Parent: 0, Rest: at(-0.1, -0.05, 0)},
	{Name: "RightLeg", Parent: 16, Rest: at(0, -0.42, 0)},
	{Name: "RightFoot", Parent: 17, Rest: at(0, -0.42, 0)},
	{Name: "RightToeBase", Parent: 18, Rest: at(0, -0.06, 0.14)},
}

func at(x, y, z float64) Transform {
	t := Rest
	t.T = Vec3{x, y, z}
	return t
}

// DemoClip returns a small in-memory clip for tests and demos: actors
// humanoids of 20 joints (metres, Y up) walking side by side along +Z for
// frames frames at 30 fps, each actor one metre to the right of the last
// and a little out of step with it. It needs no file and never fails.
func DemoClip(actors, frames int) *Clip {
	actors, frames = max(1, actors), max(1, frames)
	const fps = 30.0
	skel := &Skeleton{Joints: demoJoints}
	c := &Clip{Name: "demo walk", FPS: fps, MetresPerUnit: 1}
	for k := range actors {
		a := &Actor{Name: "actor " + string(rune('1'+k%9)), Skeleton: skel, Frames: frames,
			Tracks: make([]Track, len(demoJoints))}
		hips := make([]Vec3, frames)
		rot := map[int][]Quat{}
		for _, j := range []int{1, 6, 7, 9, 10, 12, 13, 14, 16, 17, 18} {
			rot[j] = make([]Quat, frames)
		}
		for f := range frames {
			t := float64(f) / fps
			ph := 2*math.Pi*t + float64(k)*0.7 // one stride a second
			swing := 0.45 * math.Sin(ph)
			hips[f] = Vec3{-float64(k), 0.95 - 0.03*math.Cos(2*ph), 1.3 * t}
			rot[1][f] = AxisAngle(Vec3{0, 1, 0}, 0.1*math.Sin(ph))
			rot[12][f] = AxisAngle(Vec3{1, 0, 0}, -swing)
			rot[16][f] = AxisAngle(Vec3{1, 0, 0}, swing)
			rot[13][f] = AxisAngle(Vec3{1, 0, 0}, 0.6*math.Max(0, math.Sin(ph+1.6)))
			rot[17][f] = AxisAngle(Vec3{1, 0, 0}, 0.6*math.Max(0, math.Sin(ph+1.6+math.Pi)))
			rot[14][f] = Identity
			rot[18][f] = Identity
			// Arms hang down (out of the T-pose) and swing against the legs.
			rot[6][f] = AxisAngle(Vec3{1, 0, 0}, swing*0.6).Mul(AxisAngle(Vec3{0, 0, 1}, -1.3))
			rot[9][f] = AxisAngle(Vec3{1, 0, 0}, -swing*0.6).Mul(AxisAngle(Vec3{0, 0, 1}, 1.3))
			rot[7][f] = AxisAngle(Vec3{0, 1, 0}, 0.3)
			rot[10][f] = AxisAngle(Vec3{0, 1, 0}, -0.3)
		}
		a.Tracks[0].T = hips
		for j, r := range rot {
			a.Tracks[j].R = r
		}
		c.Actors = append(c.Actors, a)
	}
	return c
}
