package fix

import (
	"strings"

	"singlecam/core/motion"
)

// Rename gives each joint the name names maps it to; joints the map does
// not name keep their names.
func Rename(c *motion.Clip, names map[string]string) *motion.Clip {
	out := cloneClip(c)
	for _, a := range out.Actors {
		a.Skeleton = cloneSkeleton(a.Skeleton)
		for j := range a.Skeleton.Joints {
			if n, ok := names[a.Skeleton.Joints[j].Name]; ok {
				a.Skeleton.Joints[j].Name = n
			}
		}
	}
	return out
}

// StripPrefix removes a namespace prefix such as Move One's "_1:" (all up to
// the last colon) from every joint's name.
func StripPrefix(c *motion.Clip) *motion.Clip {
	names := map[string]string{}
	for _, a := range c.Actors {
		for _, j := range a.Skeleton.Joints {
			if i := strings.LastIndexByte(j.Name, ':'); i >= 0 && i < len(j.Name)-1 {
				names[j.Name] = j.Name[i+1:]
			}
		}
	}
	return Rename(c, names)
}
