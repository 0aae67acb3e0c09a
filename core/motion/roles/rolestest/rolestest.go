// Package rolestest builds humanoid skeletons for tests, in the shapes and
// naming styles real rigs come in (Mixamo exported from Blender, CMU in
// cgspeed and ASF names, Daz, iClone, plain mocap names, VRoid, Unreal,
// no names at all), each with the roles its joints should be found to play.
package rolestest

import (
	"math"

	"singlecam/core/motion"
	"singlecam/core/motion/roles"
)

// Style is a rig's naming style and the shape that comes with it.
type Style string

// The styles Build knows.
const (
	Mixamo  Style = "mixamo"  // mixamorig:Hips, 3-bone spine, HeadTop_End and toe end joints
	CGSpeed Style = "cgspeed" // CMU as BVH: Hips, LHipJoint, LowerBack, Neck1, End Sites
	ASF     Style = "asf"     // CMU's ASF names: hip, lfemur, ltibia, lhumerus, lradius, lwrist
	Daz     Style = "daz"     // hip above pelvis (the thighs) and abdomen (the spine)
	IClone  Style = "iclone"  // CC_Base_ names, BoneRoot above Hip, Pelvis beside Waist
	Plain   Style = "plain"   // Hip, RightHip, RightKnee, RightAnkle, LeftShoulder as the upper arm
	VRoid   Style = "vroid"   // Root above J_Bip_C_Hips, skirt and hair joints
	Unreal  Style = "unreal"  // root above pelvis, 5-bone spine, twist bones
	Unnamed Style = "unnamed" // glTF joints with no names (as CesiumMan)
)

// Styles lists every style.
var Styles = []Style{Mixamo, CGSpeed, ASF, Daz, IClone, Plain, VRoid, Unreal, Unnamed}

// Options change a rig's shape from its style's.
type Options struct {
	// APose lowers the arms 45° from the T-pose.
	APose bool
	// Spine is the number of spine joints between the hips and the neck
	// (0 keeps the style's).
	Spine int
	// Armature puts an Armature node (kind motion.Node) above the rig,
	// rotated 90° about X and scaled 0.01, with every joint's offset in
	// centimetres inside it, as Blender exports a Mixamo character.
	Armature bool
	// ZUp stands the figure on Z (facing −Y) with no node above it, as a
	// BVH written by Blender.
	ZUp bool
	// Rolls gives every joint a rest rotation of its own (its local axes
	// turned, the joint where it was), as tools with other bone-roll
	// conventions export.
	Rolls bool
	// Fingers adds five fingers to each hand.
	Fingers bool
}

// Rig is a test skeleton and what roles.Find should say of it.
type Rig struct {
	Skeleton *motion.Skeleton
	// Roles maps each role to the joint that plays it.
	Roles map[roles.Role]int
	// Up and Forward are the figure's up and facing in its world.
	Up, Forward motion.Vec3
	// Height is the figure's height in its world's units (1.75 m, or 175
	// inside a centimetre armature; the world stays in metres).
	Height float64
}

type builder struct {
	joints []motion.Joint
	world  []motion.Vec3 // canonical: metres, Y up, facing +Z
	roles  map[roles.Role]int
	end    motion.JointKind // what a chain's last joint is
}

func (b *builder) add(name string, parent int, at motion.Vec3, role roles.Role) int {
	i := len(b.joints)
	b.joints = append(b.joints, motion.Joint{Name: name, Parent: parent, Rest: motion.Transform{R: motion.Identity, S: motion.Vec3{X: 1, Y: 1, Z: 1}}})
	b.world = append(b.world, at)
	if role != "" {
		b.roles[role] = i
	}
	return i
}

// leaf adds a chain's last joint: an End Site for BVH styles, a joint for glTF ones.
func (b *builder) leaf(name string, parent int, at motion.Vec3) int {
	i := b.add(name, parent, at, "")
	b.joints[i].Kind = b.end
	return i
}

func v(x, y, z float64) motion.Vec3 { return motion.Vec3{X: x, Y: y, Z: z} }

// names gives a style's name for a part; side is "L", "R" or "".
type namer func(part, side string) string

// Build makes a rig of the style, changed by opt.
func Build(style Style, opt Options) *Rig {
	b := &builder{roles: map[roles.Role]int{}, end: motion.Bone}
	if style == CGSpeed || style == ASF || style == Daz || style == Plain {
		b.end = motion.End
	}
	name := namers[style]
	n := func(part, side string) string { return name(part, side) }
	top := -1
	if style == VRoid || style == Unreal || style == IClone {
		top = b.add(n("root", ""), -1, v(0, 0, 0), "")
	}
	hips := b.add(n("hips", ""), top, v(0, 0.95, 0), roles.Hips)
	legsFrom := hips
	if style == Daz || style == IClone {
		legsFrom = b.add(n("pelvis", ""), hips, v(0, 0.93, 0), "")
	}
	spineN := map[Style]int{Mixamo: 3, CGSpeed: 3, ASF: 3, Daz: 2, IClone: 3, Plain: 2, VRoid: 3, Unreal: 5, Unnamed: 2}[style]
	if opt.Spine > 0 {
		spineN = opt.Spine
	}
	// The spine from just above the hips to the chest's top at 1.40.
	prev := hips
	for k := range spineN {
		y := 1.02 + (1.38-1.02)*float64(k)/float64(max(spineN-1, 1))
		if spineN == 1 {
			y = 1.2
		}
		var role roles.Role
		switch {
		case k == 0:
			role = roles.Spine
		case spineN == 2 || k == spineN-2:
			role = roles.Chest
		case k == spineN-1:
			role = roles.UpperChest
		}
		if spineN == 2 && k == 1 {
			role = roles.Chest
		}
		prev = b.add(n("spine", string(rune('0'+k))), prev, v(0, y, -0.01), role)
	}
	chest := prev
	neck := b.add(n("neck", ""), chest, v(0, 1.46, 0), roles.Neck)
	if style == CGSpeed || style == ASF || style == Unreal {
		neck = b.add(n("neck1", ""), neck, v(0, 1.52, 0.01), "")
	}
	head := b.add(n("head", ""), neck, v(0, 1.58, 0.02), roles.Head)
	b.leaf(n("headEnd", ""), head, v(0, 1.75, 0.02))
	if style == VRoid {
		// Hair hangs from the crown down the back; the eyes look forward.
		for k, x := range []float64{-0.06, 0, 0.06} {
			h := b.add(n("hair", string(rune('1'+k))), head, v(x, 1.72, -0.05), "")
			h = b.add(n("hair", string(rune('1'+k))+"b"), h, v(x, 1.55, -0.12), "")
			b.add(n("hair", string(rune('1'+k))+"c"), h, v(x, 1.40, -0.14), "")
		}
		b.add(n("eye", "L"), head, v(0.03, 1.64, 0.08), "")
		b.add(n("eye", "R"), head, v(-0.03, 1.64, 0.08), "")
	}
	for _, side := range []string{"L", "R"} {
		sx := 1.0
		left := side == "L"
		if !left {
			sx = -1
		}
		pick := func(l, r roles.Role) roles.Role {
			if left {
				return l
			}
			return r
		}
		// The arm, in a T-pose or lowered 45° about the shoulder.
		shoulder := v(sx*0.17, 1.40, 0)
		arm := func(d float64, dy, dz float64) motion.Vec3 {
			p := v(sx*(0.17+d), 1.40+dy, dz)
			if opt.APose {
				c, s := math.Cos(math.Pi/4), math.Sin(math.Pi/4)
				r := p.Sub(shoulder)
				p = shoulder.Add(v(r.X*c, r.Y-math.Abs(r.X)*s, r.Z))
			}
			return p
		}
		from := chest
		if style != Plain && style != Unnamed {
			from = b.add(n("clavicle", side), chest, v(sx*0.03, 1.40, 0), pick(roles.LeftShoulder, roles.RightShoulder))
		}
		up := b.add(n("upperArm", side), from, shoulder, pick(roles.LeftUpperArm, roles.RightUpperArm))
		if style == Unreal {
			b.add(n("upperTwist", side), up, arm(0.14, 0, 0), "")
		}
		fore := b.add(n("foreArm", side), up, arm(0.28, 0, 0), pick(roles.LeftLowerArm, roles.RightLowerArm))
		hand := b.add(n("hand", side), fore, arm(0.54, 0, 0), pick(roles.LeftHand, roles.RightHand))
		if opt.Fingers {
			for k, dz := range []float64{0.04, 0.02, 0, -0.02, -0.04} {
				f := b.add(n("finger", side+string(rune('1'+k))), hand, arm(0.62, 0, dz), "")
				f = b.add(n("finger", side+string(rune('1'+k))+"b"), f, arm(0.66, 0, dz), "")
				b.leaf(n("fingerEnd", side+string(rune('1'+k))), f, arm(0.69, 0, dz))
			}
		} else {
			b.leaf(n("handEnd", side), hand, arm(0.62, 0, 0))
		}
		// The leg.
		from = legsFrom
		if style == CGSpeed || style == ASF {
			from = b.add(n("hipJoint", side), legsFrom, v(0, 0.95, 0), "")
		}
		thigh := b.add(n("thigh", side), from, v(sx*0.09, 0.90, 0), pick(roles.LeftUpperLeg, roles.RightUpperLeg))
		shin := b.add(n("shin", side), thigh, v(sx*0.09, 0.49, 0.01), pick(roles.LeftLowerLeg, roles.RightLowerLeg))
		foot := b.add(n("foot", side), shin, v(sx*0.09, 0.08, -0.01), pick(roles.LeftFoot, roles.RightFoot))
		toe := b.add(n("toe", side), foot, v(sx*0.09, 0.02, 0.12), pick(roles.LeftToes, roles.RightToes))
		b.leaf(n("toeEnd", side), toe, v(sx*0.09, 0, 0.19))
		if style == VRoid {
			for k, dz := range []float64{0.08, -0.08} {
				s := b.add(n("skirt", side+string(rune('1'+k))), hips, v(sx*0.1, 0.92, dz), "")
				s = b.add(n("skirt", side+string(rune('1'+k))+"b"), s, v(sx*0.13, 0.75, dz*1.3), "")
				b.add(n("skirt", side+string(rune('1'+k))+"c"), s, v(sx*0.15, 0.60, dz*1.5), "")
			}
		}
	}
	return b.finish(opt)
}

// finish turns the canonical world positions into local offsets in the
// rig's own space and units.
func (b *builder) finish(opt Options) *Rig {
	r := &Rig{Roles: b.roles, Up: v(0, 1, 0), Forward: v(0, 0, 1), Height: 1.75}
	// inside maps a canonical point to the rig's space.
	inside := func(p motion.Vec3) motion.Vec3 { return p }
	var above []motion.Joint
	switch {
	case opt.Armature:
		// The node turns +90° about X and scales by 0.01; inside it the
		// figure lies along −Z in centimetres, so the node stands it
		// upright in metres.
		turn := motion.AxisAngle(v(1, 0, 0), math.Pi/2)
		inside = func(p motion.Vec3) motion.Vec3 { return turn.Conj().Rotate(p).Scale(100) }
		above = []motion.Joint{{Name: "Armature", Parent: -1, Kind: motion.Node, Rest: motion.Transform{R: turn, S: v(0.01, 0.01, 0.01)}}}
	case opt.ZUp:
		turn := motion.AxisAngle(v(1, 0, 0), math.Pi/2) // Y up → Z up, +Z front → −Y
		inside = turn.Rotate
		r.Up, r.Forward = v(0, 0, 1), v(0, -1, 0)
	}
	n := len(above)
	joints := append(above, b.joints...)
	for i := n; i < len(joints); i++ {
		if joints[i].Parent >= 0 {
			joints[i].Parent += n
		} else if n > 0 {
			joints[i].Parent = 0
		}
	}
	for role := range r.Roles {
		r.Roles[role] += n
	}
	// Every joint's world rotation (rolls, or none) and its local offset.
	worldR := make([]motion.Quat, len(joints))
	for i := n; i < len(joints); i++ {
		k := i - n
		q := motion.Identity
		if opt.Rolls {
			q = motion.AxisAngle(v(math.Sin(float64(k)), 1, math.Cos(float64(3*k))), 0.3+float64(k%7)*0.4)
		}
		worldR[i] = q
		par := joints[i].Parent
		parentQ := motion.Identity
		off := inside(b.world[k])
		if par >= n {
			parentQ = worldR[par]
			off = off.Sub(inside(b.world[par-n]))
		}
		joints[i].Rest.T = parentQ.Conj().Rotate(off)
		joints[i].Rest.R = parentQ.Conj().Mul(q).Normalize()
	}
	r.Skeleton = &motion.Skeleton{Joints: joints}
	return r
}
