package gltf

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"

	"github.com/qmuntal/gltf"

	"singlecam/core/motion"
)

// VRMAExtension is the glTF extension that makes a file a VRM Animation
// (.vrma): which node plays each VRM humanoid role (github.com/vrm-c/
// vrm-specification, specification/VRMC_vrm_animation-1.0).
const VRMAExtension = "VRMC_vrm_animation"

// ErrNotVRMA is returned for a glTF file without a VRM Animation's
// humanoid table.
var ErrNotVRMA = errors.New("not a VRM Animation: it has no VRMC_vrm_animation humanoid table")

// vrmaExtension is the part of VRMC_vrm_animation this package reads and
// writes: the humanoid bones by role. Expressions and look-at, which move
// a face rather than a skeleton, are left out.
type vrmaExtension struct {
	SpecVersion string `json:"specVersion"`
	Humanoid    struct {
		HumanBones map[string]vrmaBone `json:"humanBones"`
	} `json:"humanoid"`
}

type vrmaBone struct {
	Node int `json:"node"`
}

// ReadVRMA reads a VRM Animation: the glTF file's nodes and chosen
// animation as Read gives them, each humanoid bone named after its role
// ("hips", "leftUpperArm"), as the file's table says; other nodes keep
// their names. Lengths are metres, Y up, the figure facing +Z (VRM's
// rules); the hips carry the translation.
func ReadVRMA(r io.ReaderAt, size int64, opt Options) (*File, error) {
	return ReadVRMAContext(context.Background(), r, size, opt)
}

// ReadVRMAContext is ReadVRMA stopping once ctx is done, as ReadContext.
func ReadVRMAContext(ctx context.Context, r io.ReaderAt, size int64, opt Options) (*File, error) {
	f, err := ReadContext(ctx, r, size, opt)
	if err != nil {
		return nil, err
	}
	// Read again the document's JSON only, to find which joint each
	// role's node became (Read builds the rigs the same way).
	s, err := open(r, size, opt.Files)
	if err != nil {
		return nil, err
	}
	roles, err := vrmaRoles(s.doc)
	if err != nil {
		return nil, err
	}
	parent, err := parents(s.doc)
	if err != nil {
		return nil, err
	}
	rs, err := rigs(s.doc, parent)
	if err != nil {
		return nil, err
	}
	named := 0
	for ai, rg := range rs {
		if ai >= len(f.Clip.Actors) {
			break
		}
		a := f.Clip.Actors[ai]
		skel := &motion.Skeleton{Joints: append([]motion.Joint(nil), a.Skeleton.Joints...)}
		for role, node := range roles {
			if j, ok := rg.jointOf[node]; ok && j < len(skel.Joints) {
				skel.Joints[j].Name = role
				skel.Joints[j].Kind = motion.Bone
				named++
			}
		}
		a.Skeleton = skel
	}
	if named == 0 {
		return nil, ErrNotVRMA
	}
	f.Clip.MetresPerUnit = 1
	return f, nil
}

// vrmaRoles reads the file's humanoid table: role → node.
func vrmaRoles(doc *gltf.Document) (map[string]int, error) {
	var raw []byte
	switch v := doc.Extensions[VRMAExtension].(type) {
	case nil:
		return nil, ErrNotVRMA
	case json.RawMessage:
		raw = v
	default:
		b, err := json.Marshal(v)
		if err != nil {
			return nil, ErrNotVRMA
		}
		raw = b
	}
	var ext vrmaExtension
	if err := json.Unmarshal(raw, &ext); err != nil {
		return nil, fmt.Errorf("%w (%v)", ErrNotVRMA, err)
	}
	out := map[string]int{}
	for role, b := range ext.Humanoid.HumanBones {
		if role == "" || b.Node < 0 || b.Node >= len(doc.Nodes) {
			return nil, fmt.Errorf("%w: role %q names node %d, which does not exist", ErrNotGLTF, role, b.Node)
		}
		out[role] = b.Node
	}
	if _, ok := out["hips"]; !ok {
		return nil, fmt.Errorf("%w: its humanoid table has no hips", ErrNotVRMA)
	}
	return out, nil
}

// WriteVRMA writes the clip's first actor as a VRM Animation (.vrma): a
// GLB with a node per joint and no mesh or skin, one animation keyed on
// every frame, and the VRMC_vrm_animation extension naming the node of
// each humanoid role; roles maps VRM 1.0 role names to joint indices and
// must hold "hips". The clip must be Y up in metres, facing +Z, with its
// rest pose the T-pose (VRM's rules).
func WriteVRMA(w io.Writer, c *motion.Clip, roles map[string]int) error {
	if len(c.Actors) == 0 {
		return fmt.Errorf("write vrma: %w: no actors", motion.ErrBadClip)
	}
	one := *c
	one.Actors = c.Actors[:1]
	doc, err := Document(&one)
	if err != nil {
		return fmt.Errorf("write vrma: %w", err)
	}
	// Document makes actor 0's joint j node j; a VRM Animation moves
	// nodes, not a skin.
	doc.Skins = nil
	var ext vrmaExtension
	ext.SpecVersion = "1.0"
	ext.Humanoid.HumanBones = map[string]vrmaBone{}
	n := len(c.Actors[0].Skeleton.Joints)
	keys := make([]string, 0, len(roles))
	for role := range roles {
		keys = append(keys, role)
	}
	sort.Strings(keys)
	for _, role := range keys {
		j := roles[role]
		if j < 0 || j >= n {
			return fmt.Errorf("write vrma: role %s names joint %d of %d", role, j, n)
		}
		ext.Humanoid.HumanBones[role] = vrmaBone{Node: j}
	}
	if _, ok := roles["hips"]; !ok {
		return errors.New("write vrma: no joint plays the hips")
	}
	if doc.Extensions == nil {
		doc.Extensions = gltf.Extensions{}
	}
	doc.Extensions[VRMAExtension] = ext
	doc.ExtensionsUsed = append(doc.ExtensionsUsed, VRMAExtension)
	enc := gltf.NewEncoder(w)
	enc.AsBinary = true
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("write vrma: %w", err)
	}
	return nil
}
