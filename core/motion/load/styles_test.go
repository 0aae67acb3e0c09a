package load

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"singlecam/core/motion"
	"singlecam/core/motion/bvh"
	"singlecam/core/motion/fix"
	"singlecam/core/motion/gltf"
	"singlecam/core/motion/roles"
	"singlecam/core/motion/roles/rolestest"
)

// TestEverySkeletonStyleStandsUpAtHumanHeight writes every skeleton style
// of the issue about any humanoid as a BVH standing on Y or Z in metres,
// centimetres or inches, and as a GLB under a Blender Armature node, and
// opens each: it stands along +Y, 1.4 to 2.1 m tall, its axis and unit
// found.
func TestEverySkeletonStyleStandsUpAtHumanHeight(t *testing.T) {
	dir := t.TempDir()
	styles := []rolestest.Style{rolestest.Mixamo, rolestest.CGSpeed, rolestest.ASF, rolestest.Daz, rolestest.IClone,
		rolestest.Plain, rolestest.VRoid, rolestest.Unreal, rolestest.Unnamed}
	for _, st := range styles {
		for _, c := range []struct {
			name     string
			opt      rolestest.Options
			scale    float64
			ext, up  string
			wantUnit float64
		}{
			{"y-m", rolestest.Options{}, 1, ".bvh", "Y", 1},
			{"z-cm", rolestest.Options{ZUp: true}, 100, ".bvh", "Z", 0.01},
			{"z-in-apose", rolestest.Options{ZUp: true, APose: true}, 1 / 0.0254, ".bvh", "Z", 0.0254},
			{"armature", rolestest.Options{Armature: true}, 1, ".glb", "Y", 1},
		} {
			r := rolestest.Build(st, c.opt)
			clip := &motion.Clip{Name: "rest", FPS: 30, Actors: []*motion.Actor{{Skeleton: r.Skeleton, Frames: 1, Tracks: make([]motion.Track, len(r.Skeleton.Joints))}}, MetresPerUnit: 1}
			var err error
			if clip, err = fix.Scale(clip, c.scale); err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			if c.ext == ".bvh" {
				err = bvh.Write(&b, fix.ZeroRestRotations(clip), 0, bvh.Options{})
			} else {
				err = gltf.Write(&b, clip)
			}
			if err != nil {
				t.Fatalf("%s %s: %v", st, c.name, err)
			}
			p := filepath.Join(dir, string(st)+"-"+c.name+c.ext)
			if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			m, err := Open(context.Background(), p, -1)
			if err != nil {
				t.Fatalf("%s %s: %v", st, c.name, err)
			}
			h, err := roles.Find(m.Clip.Actors[0].Skeleton)
			if err != nil {
				t.Fatalf("%s %s: %v", st, c.name, err)
			}
			height := h.Height * m.Clip.MetresPerUnit
			if m.Space.Up != c.up || m.Clip.MetresPerUnit != c.wantUnit || h.Up.Y < 0.95 || height < 1.4 || height > 2.1 {
				t.Errorf("%s %s: read as %s, %.2f m tall, spine along %v", st, c.name, m.Space.Describe(), height, h.Up)
			}
		}
	}
}
