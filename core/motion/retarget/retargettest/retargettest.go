// Package retargettest builds rigged characters as GLB files for tests: a
// skeleton's joints as nodes, a skin over them, a skinned mesh with a
// textured material, and optionally a VRM humanoid table. No downloaded
// asset is needed.
package retargettest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"strings"

	"github.com/qmuntal/gltf"
	"github.com/qmuntal/gltf/modeler"

	"singlecam/core/motion"
)

// Options shape a character file.
type Options struct {
	// Humanoid maps VRM 1.0 roles to joint indices; nil writes no VRM table.
	Humanoid map[string]int
	// VRM is 0 for a VRM 0.x table (extensions.VRM), 1 for VRM 1.0's
	// (extensions.VRMC_vrm).
	VRM int
	// NoSkin leaves the skin out (the mesh is then not skinned).
	NoSkin bool
}

// GLB returns a character on skeleton s as a GLB file.
func GLB(s *motion.Skeleton, opt Options) ([]byte, error) {
	doc := gltf.NewDocument()
	doc.Asset.Generator = "retargettest"
	doc.Scenes[0].Name = "Scene"
	world := s.RestWorld()
	for j, joint := range s.Joints {
		r := joint.Rest.R.Normalize()
		n := &gltf.Node{
			Name:        joint.Name,
			Translation: [3]float64{joint.Rest.T.X, joint.Rest.T.Y, joint.Rest.T.Z},
			Rotation:    [4]float64{r.X, r.Y, r.Z, r.W},
			Scale:       [3]float64{joint.Rest.S.X, joint.Rest.S.Y, joint.Rest.S.Z},
		}
		doc.Nodes = append(doc.Nodes, n)
		if joint.Parent < 0 {
			doc.Scenes[0].Nodes = append(doc.Scenes[0].Nodes, j)
		} else {
			doc.Nodes[joint.Parent].Children = append(doc.Nodes[joint.Parent].Children, j)
		}
	}
	// Joints of kind motion.Node (an armature node above the hips) are
	// nodes but not skin joints, as Blender exports them.
	skinIndex := make([]int, len(s.Joints))
	var skinJoints []int
	for j, joint := range s.Joints {
		skinIndex[j] = -1
		if joint.Kind != motion.Node {
			skinIndex[j] = len(skinJoints)
			skinJoints = append(skinJoints, j)
		}
	}
	// A thin triangle along every bone, bound to the bone's two ends; none
	// from a root joint (Move's _1:Root stands on the floor and never
	// moves: a vertex there would keep the mesh's lowest point on the
	// floor whatever the feet do, and hide them from dcc-check).
	var pos [][3]float32
	var nor [][3]float32
	var uv [][2]float32
	var joints [][4]uint16
	var weights [][4]float32
	var idx []uint16
	for j, joint := range s.Joints {
		if joint.Parent < 0 || skinIndex[j] < 0 || skinIndex[joint.Parent] < 0 || s.Joints[joint.Parent].Parent < 0 {
			continue
		}
		a, b := world[joint.Parent].Translation(), world[j].Translation()
		side := b.Sub(a).Cross(motion.Vec3{Z: 1})
		if side.Len() < 1e-6 {
			side = motion.Vec3{X: 1}
		}
		c := b.Add(side.Normalize().Scale(0.02))
		for k, p := range []motion.Vec3{a, b, c} {
			idx = append(idx, uint16(len(pos)))
			pos = append(pos, [3]float32{float32(p.X), float32(p.Y), float32(p.Z)})
			nor = append(nor, [3]float32{0, 0, 1})
			uv = append(uv, [2]float32{float32(k) / 2, 0.5})
			bone := j
			if k == 0 {
				bone = joint.Parent
			}
			joints = append(joints, [4]uint16{uint16(skinIndex[bone]), 0, 0, 0})
			weights = append(weights, [4]float32{1, 0, 0, 0})
		}
	}
	attrs := gltf.PrimitiveAttributes{
		gltf.POSITION:   modeler.WritePosition(doc, pos),
		gltf.NORMAL:     modeler.WriteNormal(doc, nor),
		gltf.TEXCOORD_0: modeler.WriteTextureCoord(doc, uv),
	}
	if !opt.NoSkin {
		attrs[gltf.JOINTS_0] = modeler.WriteJoints(doc, joints)
		attrs[gltf.WEIGHTS_0] = modeler.WriteWeights(doc, weights)
	}
	var img bytes.Buffer
	tex := image.NewRGBA(image.Rect(0, 0, 2, 2))
	for i := range 4 {
		tex.Set(i%2, i/2, color.RGBA{uint8(60 * i), 120, 200, 255})
	}
	if err := png.Encode(&img, tex); err != nil {
		return nil, err
	}
	imgIdx, err := modeler.WriteImage(doc, "skin.png", "image/png", &img)
	if err != nil {
		return nil, err
	}
	doc.Samplers = []*gltf.Sampler{{}}
	doc.Textures = []*gltf.Texture{{Sampler: gltf.Index(0), Source: gltf.Index(imgIdx)}}
	doc.Materials = []*gltf.Material{{
		Name: "Skin",
		PBRMetallicRoughness: &gltf.PBRMetallicRoughness{
			BaseColorFactor:  &[4]float64{0.8, 0.6, 0.5, 1},
			BaseColorTexture: &gltf.TextureInfo{Index: 0},
			MetallicFactor:   gltf.Float(0),
		},
	}}
	doc.Meshes = []*gltf.Mesh{{Name: "Body", Primitives: []*gltf.Primitive{{
		Attributes: attrs,
		Indices:    gltf.Index(modeler.WriteIndices(doc, idx)),
		Material:   gltf.Index(0),
	}}}}
	body := &gltf.Node{Name: "Body", Mesh: gltf.Index(0)}
	if !opt.NoSkin {
		ibm := make([][4][4]float32, len(skinJoints))
		skin := &gltf.Skin{Name: "Armature"}
		for k, j := range skinJoints {
			inv, ok := world[j].Inverse()
			if !ok {
				return nil, fmt.Errorf("joint %d has no inverse", j)
			}
			for c := range 4 {
				for r := range 3 {
					ibm[k][r][c] = float32(inv[c*4+r])
				}
			}
			ibm[k][3][3] = 1
			skin.Joints = append(skin.Joints, j)
		}
		skin.InverseBindMatrices = gltf.Index(modeler.WriteAccessor(doc, gltf.TargetNone, ibm))
		doc.Skins = []*gltf.Skin{skin}
		body.Skin = gltf.Index(0)
	}
	doc.Nodes = append(doc.Nodes, body)
	doc.Scenes[0].Nodes = append(doc.Scenes[0].Nodes, len(doc.Nodes)-1)
	if opt.Humanoid != nil {
		if err := addVRM(doc, opt); err != nil {
			return nil, err
		}
	}
	var out bytes.Buffer
	enc := gltf.NewEncoder(&out)
	enc.AsBinary = true
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// vrm1To0 renames VRM 1.0 thumb roles to VRM 0.x's.
var vrm1To0 = map[string]string{
	"leftThumbMetacarpal": "leftThumbProximal", "leftThumbProximal": "leftThumbIntermediate",
	"rightThumbMetacarpal": "rightThumbProximal", "rightThumbProximal": "rightThumbIntermediate",
}

func addVRM(doc *gltf.Document, opt Options) error {
	var ext any
	name := "VRMC_vrm"
	if opt.VRM == 0 {
		name = "VRM"
		type bone struct {
			Bone string `json:"bone"`
			Node int    `json:"node"`
		}
		var bones []bone
		for role, j := range opt.Humanoid {
			if r, ok := vrm1To0[role]; ok {
				role = r
			}
			bones = append(bones, bone{role, j})
		}
		ext = map[string]any{"specVersion": "0.0", "humanoid": map[string]any{"humanBones": bones}}
	} else {
		bones := map[string]any{}
		for role, j := range opt.Humanoid {
			bones[role] = map[string]int{"node": j}
		}
		ext = map[string]any{"specVersion": "1.0", "meta": map[string]any{"name": "Test", "authors": []string{"Singlecam"}, "licenseUrl": "https://vrm.dev/licenses/1.0/"},
			"humanoid": map[string]any{"humanBones": bones}}
	}
	raw, err := json.Marshal(ext)
	if err != nil {
		return err
	}
	doc.Extensions = gltf.Extensions{name: json.RawMessage(raw)}
	doc.ExtensionsUsed = append(doc.ExtensionsUsed, name)
	return nil
}

// WithoutArms returns s without its arms: every joint from each shoulder
// (a joint whose name holds "Shoulder", with all below it) is dropped, so
// no match can drive an arm.
func WithoutArms(s *motion.Skeleton) *motion.Skeleton {
	out := &motion.Skeleton{}
	index := make([]int, len(s.Joints))
	for i, j := range s.Joints {
		index[i] = -1
		if strings.Contains(j.Name, "Shoulder") || j.Parent >= 0 && index[j.Parent] < 0 {
			continue
		}
		if j.Parent >= 0 {
			j.Parent = index[j.Parent]
		}
		index[i] = len(out.Joints)
		out.Joints = append(out.Joints, j)
	}
	return out
}
