package bvh

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"singlecam/core/hostile"
	"singlecam/core/motion"
)

// rot90 turns v by +90° about axis, written out by hand so the test does not
// share the reader's maths.
func rot90(axis byte, v motion.Vec3) motion.Vec3 {
	switch axis {
	case 'X':
		return motion.Vec3{X: v.X, Y: -v.Z, Z: v.Y}
	case 'Y':
		return motion.Vec3{X: v.Z, Y: v.Y, Z: -v.X}
	default:
		return motion.Vec3{X: -v.Y, Y: v.X, Z: v.Z}
	}
}

// chainBVH is a 3-joint chain up +Y (root, one joint, an end site) with the
// root's rotation channels in order and the given angles for them.
func chainBVH(order string, angles [3]float64, eol string) string {
	ch := fmt.Sprintf("%crotation %crotation %crotation", order[0], order[1], order[2])
	s := strings.Join([]string{
		"HIERARCHY",
		"ROOT Hips",
		"{",
		"  OFFSET 0 0 0",
		"  CHANNELS 6 Xposition Yposition Zposition " + ch,
		"  JOINT Chest",
		"  {",
		"    OFFSET 0 1 0",
		"    CHANNELS 3 Zrotation Xrotation Yrotation",
		"    End Site",
		"    {",
		"      OFFSET 0 1 0",
		"    }",
		"  }",
		"}",
		"MOTION",
		"Frames: 2",
		"Frame Time: 0.0333333",
		"0 0 0 0 0 0 0 0 0",
		fmt.Sprintf("1 2 3 %g %g %g 0 0 0", angles[0], angles[1], angles[2]),
		"",
	}, eol)
	return s
}

func TestChainRotatedInEveryChannelOrder(t *testing.T) {
	orders := []string{"XYZ", "XZY", "YXZ", "YZX", "ZXY", "ZYX"}
	for _, o := range orders {
		for i := range 4 {
			var angles [3]float64
			tip := motion.Vec3{Y: 2}
			if i < 3 {
				angles[i] = 90
				tip = rot90(o[i], tip)
			} else {
				angles = [3]float64{90, 90, 90}
				tip = rot90(o[0], rot90(o[1], rot90(o[2], tip)))
			}
			for _, eol := range []string{"\n", "\r\n"} {
				c, err := Read(strings.NewReader(chainBVH(o, angles, eol)), "chain")
				if err != nil {
					t.Fatalf("%s %v: %v", o, angles, err)
				}
				p := c.WorldPositions(0, 1, nil)
				want := tip.Add(motion.Vec3{X: 1, Y: 2, Z: 3})
				if p[2].Sub(want).Len() > 1e-5 || p[1].Sub(tip.Scale(0.5).Add(motion.Vec3{X: 1, Y: 2, Z: 3})).Len() > 1e-5 {
					t.Errorf("%s %v: positions %v, want tip %v", o, angles, p, want)
				}
				if q := c.WorldPositions(0, 0, nil); q[2].Sub(motion.Vec3{Y: 2}).Len() > 1e-9 {
					t.Errorf("%s: rest tip %v", o, q[2])
				}
			}
		}
	}
}

func TestReadsWhatFilesHold(t *testing.T) {
	c, err := Read(strings.NewReader(chainBVH("ZXY", [3]float64{}, "\r\n")), "x")
	if err != nil {
		t.Fatal(err)
	}
	s := c.Actors[0].Skeleton
	if len(s.Joints) != 3 || s.Joints[2].Kind != motion.End || s.Bones() != 2 || s.Joints[2].Parent != 1 {
		t.Errorf("joints %+v", s.Joints)
	}
	if math.Abs(c.FPS-30) > 1e-3 || c.Frames() != 2 || c.MetresPerUnit != 1 {
		t.Errorf("fps %v frames %d units %v", c.FPS, c.Frames(), c.MetresPerUnit)
	}
}

const twoRoots = `HIERARCHY
ROOT A
{
	OFFSET 0 0 0
	CHANNELS 3 Xposition Yposition Zposition
	End Site
	{
		OFFSET 0 100 0
	}
}
ROOT B
{
	OFFSET 50 0 0
	CHANNELS 1 Yrotation
	JOINT C
	{
		OFFSET 0 0 100
		CHANNELS 0
	}
}
MOTION
Frames: 1
Frame Time: 0.01
10 0 0 90
`

func TestSeveralRootsPartialChannelsAndCentimetres(t *testing.T) {
	c, err := Read(strings.NewReader(twoRoots), "x")
	if err != nil {
		t.Fatal(err)
	}
	p := c.WorldPositions(0, 0, nil)
	want := []motion.Vec3{{X: 10}, {X: 10, Y: 100}, {X: 50}, {X: 150}}
	for i := range want {
		if p[i].Sub(want[i]).Len() > 1e-9 {
			t.Errorf("joint %d at %v, want %v", i, p[i], want[i])
		}
	}
	if c.MetresPerUnit != 0.01 || c.FPS != 100 {
		t.Errorf("units %v fps %v", c.MetresPerUnit, c.FPS)
	}
}

func TestRefusesBadFiles(t *testing.T) {
	good := chainBVH("ZXY", [3]float64{}, "\n")
	tests := map[string]string{
		"empty":            "",
		"not bvh":          "PK\x03\x04 hello",
		"no root":          "HIERARCHY\nMOTION\nFrames: 1\nFrame Time: 0.1\n",
		"truncated":        good[:len(good)-10],
		"short motion":     strings.Replace(good, "Frames: 2", "Frames: 3", 1),
		"bad number":       strings.Replace(good, "1 2 3", "1 x 3", 1),
		"nan":              strings.Replace(good, "1 2 3", "1 NaN 3", 1),
		"bad channel":      strings.Replace(good, "Xposition", "Wposition", 1),
		"too many channel": strings.Replace(good, "CHANNELS 6", "CHANNELS 60", 1),
		"zero frame time":  strings.Replace(good, "0.0333333", "0", 1),
		"huge frames":      strings.Replace(good, "Frames: 2", "Frames: 99999999999", 1),
		"unclosed joint":   "HIERARCHY\nROOT A\n{\nOFFSET 0 0 0\nCHANNELS 0\nMOTION\n",
		"long word":        "HIERARCHY\nROOT " + strings.Repeat("a", 10000),
	}
	for name, in := range tests {
		_, err := Read(strings.NewReader(in), "x")
		if err == nil {
			t.Errorf("%s: no error", name)
			continue
		}
		if !errors.Is(err, ErrNotBVH) {
			t.Errorf("%s: %v does not wrap ErrNotBVH", name, err)
		}
	}
}

func FuzzRead(f *testing.F) {
	for _, data := range hostile.Seeds(hostile.Motion, ".bvh") { // crafted files (core/hostile)
		f.Add(data)
	}
	f.Add([]byte(chainBVH("ZXY", [3]float64{10, 20, 30}, "\n")))
	f.Add([]byte(twoRoots))
	var buf bytes.Buffer
	Write(&buf, motion.DemoClip(1, 3), 0, Options{})
	f.Add(buf.Bytes())
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Read(bytes.NewReader(data), "fuzz")
		if err != nil {
			return
		}
		if err := c.Validate(); err != nil {
			t.Fatalf("Read returned an invalid clip: %v", err)
		}
		var out bytes.Buffer
		if err := Write(&out, c, 0, Options{}); err != nil {
			t.Fatalf("cannot write what was read: %v", err)
		}
	})
}

// A file cut short names the frame it ends in, as before the values were
// read without formatting a name for each.
func TestACutFileNamesTheFrameItEndsIn(t *testing.T) {
	var buf bytes.Buffer
	Write(&buf, motion.DemoClip(1, 3), 0, Options{})
	cut := buf.Bytes()[:bytes.LastIndexByte(bytes.TrimRight(buf.Bytes(), "\n"), '\n')]
	_, err := Read(bytes.NewReader(cut), "cut")
	if err == nil || !strings.Contains(err.Error(), "the file ends where a value of frame 3 should be") {
		t.Errorf("Read = %v", err)
	}
}
