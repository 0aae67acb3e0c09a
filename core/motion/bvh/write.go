package bvh

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"singlecam/core/motion"
)

// Options says how Write lays out a BVH file.
type Options struct {
	// Order is the rotation order of every joint's channels; the zero value
	// means ZXY, the order most BVH files use.
	Order motion.EulerOrder
}

var defaultOrder = motion.EulerOrder{motion.AxisZ, motion.AxisX, motion.AxisY}

// Write writes one actor of c as a BVH file. Joints with a translation track
// and roots get position channels; every other joint gets rotations only.
// BVH has no scale channels: scale tracks are left out.
func Write(w io.Writer, c *motion.Clip, actor int, opt Options) error {
	if err := c.Validate(); err != nil {
		return fmt.Errorf("write bvh: %w", err)
	}
	if actor < 0 || actor >= len(c.Actors) {
		return fmt.Errorf("write bvh: no actor %d", actor)
	}
	order := opt.Order
	if order == (motion.EulerOrder{}) {
		order = defaultOrder
	}
	if order[0] == order[1] || order[1] == order[2] || order[0] == order[2] {
		return errors.New("write bvh: the rotation order repeats an axis")
	}
	a := c.Actors[actor]
	s := a.Skeleton
	bw := bufio.NewWriter(w)
	wr := &writer{w: bw, s: s, a: a, order: order, withPos: make([]bool, len(s.Joints))}
	for j, joint := range s.Joints {
		wr.withPos[j] = joint.Kind != motion.End && (joint.Parent < 0 || a.Tracks[j].T != nil)
	}
	bw.WriteString("HIERARCHY\n")
	for j, joint := range s.Joints {
		if joint.Parent < 0 {
			if joint.Kind == motion.End {
				return fmt.Errorf("write bvh: root %q is an end site", joint.Name)
			}
			wr.joint(j, 0)
		}
	}
	fmt.Fprintf(bw, "MOTION\nFrames: %d\nFrame Time: %s\n", c.Frames(), strconv.FormatFloat(1/c.FPS, 'f', -1, 64))
	var line []byte
	for f := range c.Frames() {
		line = line[:0]
		for _, j := range wr.animated {
			t := a.Local(j, f)
			if wr.withPos[j] {
				line = appendNum(line, t.T.X)
				line = appendNum(line, t.T.Y)
				line = appendNum(line, t.T.Z)
			}
			e := t.R.Normalize().Euler(order)
			for _, v := range e {
				line = appendNum(line, v*180/math.Pi)
			}
		}
		line[len(line)-1] = '\n'
		bw.Write(line)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write bvh: %w", err)
	}
	return nil
}

type writer struct {
	w        *bufio.Writer
	s        *motion.Skeleton
	a        *motion.Actor
	order    motion.EulerOrder
	withPos  []bool
	animated []int // joints with channels, in the order the file lists them
}

func (wr *writer) joint(j, depth int) {
	joint := wr.s.Joints[j]
	ind := strings.Repeat("\t", depth)
	if joint.Kind == motion.End {
		fmt.Fprintf(wr.w, "%sEnd Site\n%s{\n%s\tOFFSET %s\n%s}\n", ind, ind, ind, vec(joint.Rest.T), ind)
		return
	}
	kw := "JOINT"
	if joint.Parent < 0 {
		kw = "ROOT"
	}
	fmt.Fprintf(wr.w, "%s%s %s\n%s{\n%s\tOFFSET %s\n", ind, kw, safeName(joint.Name, j), ind, ind, vec(joint.Rest.T))
	rot := wr.order[0].String() + "rotation " + wr.order[1].String() + "rotation " + wr.order[2].String() + "rotation"
	if wr.withPos[j] {
		fmt.Fprintf(wr.w, "%s\tCHANNELS 6 Xposition Yposition Zposition %s\n", ind, rot)
	} else {
		fmt.Fprintf(wr.w, "%s\tCHANNELS 3 %s\n", ind, rot)
	}
	wr.animated = append(wr.animated, j)
	for _, c := range wr.s.Children(j) {
		wr.joint(c, depth+1)
	}
	fmt.Fprintf(wr.w, "%s}\n", ind)
}

// safeName keeps a name BVH can hold: one word, not empty.
func safeName(name string, j int) string {
	name = strings.Join(strings.Fields(name), "_")
	if name == "" || name == "{" || name == "}" {
		return "joint" + strconv.Itoa(j)
	}
	return name
}

func vec(v motion.Vec3) string {
	b := appendNum(appendNum(appendNum(nil, v.X), v.Y), v.Z)
	return string(b[:len(b)-1])
}

// appendNum writes v with six decimals and a trailing space.
func appendNum(b []byte, v float64) []byte {
	if math.Abs(v) < 5e-7 {
		v = 0 // no "-0.000000"
	}
	b = strconv.AppendFloat(b, v, 'f', 6, 64)
	return append(b, ' ')
}
