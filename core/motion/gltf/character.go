package gltf

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"math"

	"github.com/qmuntal/gltf"
	"github.com/qmuntal/gltf/modeler"

	"singlecam/core/motion"
)

// maxCharacterBytes bounds a character file and the buffer files beside
// it, together: a character is read whole (it is written back whole), and
// the decoder copies each buffer once more, so 128 MB of file takes about
// 256 MB to read. Avatars with textures run to tens of megabytes; the bound
// was 1 GB, four times the memory any file may take.
const maxCharacterBytes = 128 << 20

// Character is a rigged character read whole, so it can be written back with
// its meshes, skins, materials and textures exactly as they were and a new
// animation beside them.
type Character struct {
	// Doc is the whole document, buffers included.
	Doc *gltf.Document
	// Skeleton is the largest skin's skeleton: its joints and the nodes above
	// them (kind motion.Node). Without a skin it holds every node.
	Skeleton *motion.Skeleton
	// Nodes gives each joint's node index in Doc.
	Nodes []int
	// Skinned reports whether the file has a skin at all.
	Skinned bool
	// Humanoid maps VRM 1.0 humanoid roles ("hips", "leftUpperArm") to joint
	// indices, from the file's VRM 0.x or 1.0 extension; nil when it has none.
	Humanoid map[string]int
	// VRM is 0 or 1 for a VRM 0.x or 1.0 avatar, -1 for plain glTF.
	VRM int
}

// ReadCharacter reads a GLB, VRM or glTF file whole. files holds the
// buffers and images a .gltf keeps beside it (nil for a .glb or .vrm).
func ReadCharacter(r io.Reader, files fs.FS) (*Character, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxCharacterBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read character: %w", err)
	}
	if len(data) > maxCharacterBytes {
		return nil, bad("the character is larger than %d MB, the most Singlecam opens; export it with smaller textures", maxCharacterBytes>>20)
	}
	// Check the container with this package's own bounds-checked reader
	// first: it refuses what the decoder below might choke on.
	src, err := open(bytes.NewReader(data), int64(len(data)), files)
	if err != nil {
		return nil, err
	}
	// The decoder below allocates each buffer's declared length: check the
	// lengths against the bytes that are there first.
	total := int64(len(data))
	for i, b := range src.doc.Buffers {
		if b != nil && isFileURI(b.URI) && b.ByteLength > 0 {
			total += int64(b.ByteLength)
		}
		switch {
		case total > maxCharacterBytes:
			return nil, bad("the character and its buffer files are larger than %d MB, the most Singlecam opens; export it with smaller textures", maxCharacterBytes>>20)
		case b == nil:
			return nil, bad("buffer %d is null", i)
		case b.URI == "" && (i != 0 || !src.hasBin):
			return nil, bad("buffer %d has no data", i)
		case b.URI == "" && int64(b.ByteLength) > src.binLen:
			return nil, bad("buffer %d declares %d bytes; the binary chunk holds %d", i, b.ByteLength, src.binLen)
		case b.ByteLength < 0 || b.ByteLength > maxCharacterBytes:
			return nil, bad("buffer %d declares %d bytes", i, b.ByteLength)
		}
	}
	doc := new(gltf.Document)
	dec := gltf.NewDecoder(bytes.NewReader(data))
	if files != nil {
		dec = gltf.NewDecoderFS(bytes.NewReader(data), files)
	}
	if err := dec.Decode(doc); err != nil {
		return nil, bad("%v", err)
	}
	if err := checkLayout(doc); err != nil {
		return nil, err
	}
	parent, err := parents(doc)
	if err != nil {
		return nil, err
	}
	rs, err := rigs(doc, parent)
	if err != nil {
		return nil, err
	}
	best := rs[0]
	for _, rg := range rs[1:] {
		if rg.skel.Bones() > best.skel.Bones() {
			best = rg
		}
	}
	restFromBindPose(doc, best)
	c := &Character{Doc: doc, Skeleton: best.skel, Nodes: best.nodes, Skinned: len(doc.Skins) > 0, VRM: -1}
	c.VRM, c.Humanoid = humanoid(doc, best.jointOf)
	return c, nil
}

// vrm0Thumbs renames VRM 0.x thumb bones to VRM 1.0's: 0.x counts the
// thumb's joints from the proximal, 1.0 from the metacarpal.
var vrm0Thumbs = map[string]string{
	"leftThumbProximal": "leftThumbMetacarpal", "leftThumbIntermediate": "leftThumbProximal",
	"rightThumbProximal": "rightThumbMetacarpal", "rightThumbIntermediate": "rightThumbProximal",
}

// humanoid reads the VRM humanoid table: VRM 1.0's VRMC_vrm.humanoid.humanBones
// (an object of role → {node}) or VRM 0.x's VRM.humanoid.humanBones (a list
// of {bone, node}). Roles whose node is not a joint of the rig are dropped.
func humanoid(doc *gltf.Document, jointOf map[int]int) (int, map[string]int) {
	raw := func(name string) []byte {
		switch v := doc.Extensions[name].(type) {
		case json.RawMessage:
			return v
		case nil:
			return nil
		default:
			b, _ := json.Marshal(v)
			return b
		}
	}
	out := map[string]int{}
	add := func(role string, node int) {
		if j, ok := jointOf[node]; ok && role != "" {
			out[role] = j
		}
	}
	if b := raw("VRMC_vrm"); b != nil {
		var v1 struct {
			Humanoid struct {
				HumanBones map[string]struct {
					Node *int `json:"node"`
				} `json:"humanBones"`
			} `json:"humanoid"`
		}
		if json.Unmarshal(b, &v1) == nil && len(v1.Humanoid.HumanBones) > 0 {
			for role, hb := range v1.Humanoid.HumanBones {
				if hb.Node != nil {
					add(role, *hb.Node)
				}
			}
			return 1, out
		}
	}
	if b := raw("VRM"); b != nil {
		var v0 struct {
			Humanoid struct {
				HumanBones []struct {
					Bone string `json:"bone"`
					Node *int   `json:"node"`
				} `json:"humanBones"`
			} `json:"humanoid"`
		}
		if json.Unmarshal(b, &v0) == nil && len(v0.Humanoid.HumanBones) > 0 {
			for _, hb := range v0.Humanoid.HumanBones {
				if hb.Node == nil {
					continue
				}
				role := hb.Bone
				if r, ok := vrm0Thumbs[role]; ok {
					role = r
				}
				add(role, *hb.Node)
			}
			return 0, out
		}
	}
	return -1, nil
}

// WriteWithAnimation writes the character as a GLB with the clip's first
// actor as its first animation, named after the clip: Blender's importer
// (and most players) make a file's first animation the active one. The
// character's own animations follow it, or are left out with onlyNew
// (their data stays in the buffer, unreferenced). The actor must move
// the character's own skeleton (joint j drives node Nodes[j]). Everything
// the file held stays as it was: the animation's data is appended after the
// existing bytes of the first buffer, so every existing buffer view and
// accessor keeps its offset and bytes. It changes c.Doc: read the character
// again to write another animation.
func (c *Character) WriteWithAnimation(w io.Writer, clip *motion.Clip, onlyNew bool) error {
	if err := clip.Validate(); err != nil {
		return fmt.Errorf("write character: %w", err)
	}
	a := clip.Actors[0]
	if len(a.Skeleton.Joints) != len(c.Nodes) {
		return fmt.Errorf("write character: the motion has %d joints for the character's %d", len(a.Skeleton.Joints), len(c.Nodes))
	}
	doc := c.Doc
	if len(doc.Buffers) > 1 {
		return bad("the character keeps its data in %d buffers; export it as one .glb and try again", len(doc.Buffers))
	}
	if len(doc.Buffers) == 1 {
		// A .gltf's single buffer (a data URI or a file) goes into the GLB's
		// binary chunk; its bytes are already loaded.
		doc.Buffers[0].URI = ""
	}
	frames := a.Frames
	anim := &gltf.Animation{Name: clip.Name}
	if anim.Name == "" {
		anim.Name = "motion"
	}
	times := make([]float32, max(frames, 2))
	for f := range times {
		times[f] = float32(float64(f) / clip.FPS)
	}
	// One frame still needs two keys for players that want a span.
	pad := func(f int) int { return min(f, frames-1) }
	n := len(times)
	timeAcc := addTimes(doc, times)
	for j := range a.Skeleton.Joints {
		tr := heldRest(a, j, doc.Nodes[c.Nodes[j]])
		node := c.Nodes[j]
		if tr.T != nil {
			v := make([]motion.Vec3, n)
			for f := range v {
				v[f] = tr.T[pad(f)]
			}
			addChannel(doc, anim, timeAcc, node, gltf.TRSTranslation, vec3s(v, n))
		}
		if tr.R != nil {
			q := make([]motion.Quat, n)
			for f := range q {
				q[f] = tr.R[pad(f)]
			}
			addChannel(doc, anim, timeAcc, node, gltf.TRSRotation, quats(q, n))
		}
		if tr.S != nil {
			v := make([]motion.Vec3, n)
			for f := range v {
				v[f] = tr.S[pad(f)]
			}
			addChannel(doc, anim, timeAcc, node, gltf.TRSScale, vec3s(v, n))
		}
	}
	if len(anim.Channels) == 0 {
		return fmt.Errorf("write character: the motion moves no bone")
	}
	if onlyNew {
		doc.Animations = []*gltf.Animation{anim}
	} else {
		doc.Animations = append([]*gltf.Animation{anim}, doc.Animations...)
	}
	if doc.Asset.Generator == "" {
		doc.Asset.Generator = "Singlecam"
	}
	enc := gltf.NewEncoder(w)
	enc.AsBinary = true
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("write character: %w", err)
	}
	return nil
}

// heldRest is joint j's track, with the joint held at the skeleton's rest
// where the track leaves it still and that rest is not the node's own
// transform (a rest taken from the bind pose): the file would otherwise
// play the node's transform there, and the bones below it would not be
// where the motion put them.
func heldRest(a *motion.Actor, j int, n *gltf.Node) motion.Track {
	tr := a.Tracks[j]
	rest, node := a.Skeleton.Joints[j].Rest, nodeTransform(n)
	if tr.R == nil && math.Abs(rest.R.Dot(node.R)) < 1-1e-9 {
		tr.R = make([]motion.Quat, a.Frames)
		for f := range tr.R {
			tr.R[f] = rest.R
		}
	}
	if tr.T == nil && rest.T.Sub(node.T).Len() > 1e-9*(1+node.T.Len()) {
		tr.T = make([]motion.Vec3, a.Frames)
		for f := range tr.T {
			tr.T[f] = rest.T
		}
	}
	return tr
}

// addTimes writes an animation's key times with the min and max the
// specification requires of an input accessor.
func addTimes(doc *gltf.Document, times []float32) int {
	i := modeler.WriteAccessor(doc, gltf.TargetNone, times)
	doc.Accessors[i].Min = []float64{float64(times[0])}
	doc.Accessors[i].Max = []float64{float64(times[len(times)-1])}
	return i
}
