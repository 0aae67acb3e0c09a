package hostile

import (
	"bytes"
	"fmt"
	"strings"
)

// bvhHead is a BVH's hierarchy, a chain of joints (the root with six
// channels, each other joint with three), and its motion section's head
// declaring frames frames at 120 fps.
func bvhHead(joints, frames int) []byte {
	var b strings.Builder
	b.WriteString("HIERARCHY\nROOT hips\n{\n OFFSET 0 0 0\n CHANNELS 6 Xposition Yposition Zposition Zrotation Xrotation Yrotation\n")
	for j := 1; j < joints; j++ {
		fmt.Fprintf(&b, "JOINT j%d\n{\n OFFSET 0 1 0\n CHANNELS 3 Zrotation Xrotation Yrotation\n", j)
	}
	b.WriteString("End Site\n{\n OFFSET 0 1 0\n}\n")
	b.WriteString(strings.Repeat("}\n", joints))
	fmt.Fprintf(&b, "MOTION\nFrames: %d\nFrame Time: 0.0083333\n", frames)
	return []byte(b.String())
}

// bvhChannels is how many channels bvhHead's joints have.
func bvhChannels(joints int) int { return 6 + 3*(joints-1) }

// bvhBomb is a deflated BVH of joints joints and frames frames of zeros.
func bvhBomb(name string, joints, frames int) entry {
	head := bvhHead(joints, frames)
	data, crc, size := bomb(head, []byte("0 "), int64(len(head))+2*int64(frames*bvhChannels(joints)))
	return entry{name: name, deflated: data, crc: crc, size: size}
}

// ZIPs are ZIPs of BVH files and of MOTION_DATA JSON: bombs by ratio and by
// entry count, sizes that lie, a ZIP inside a ZIP, names that climb out
// of their folder or repeat.
func ZIPs() []Case {
	small := func(name string, make func() []byte) Case {
		return Case{Name: name, Kind: Motion, Ext: ".zip", Small: true, Make: make}
	}
	big := func(name string, make func() []byte) Case {
		return Case{Name: name, Kind: Motion, Ext: ".zip", Make: make}
	}
	oneFrame := func() []byte { return append(bvhHead(3, 1), strings.Repeat("0 ", bvhChannels(3))...) }
	return []Case{
		// A BVH as long as a BVH may be (2,000,000 frames of 16 joints),
		// 192 MB of text deflated 1000 to 1.
		big("zip bomb: one BVH of 2,000,000 frames", func() []byte {
			return zipOf(bvhBomb("take.bvh", 16, 2_000_000))
		}),
		// Just under a few megabytes of values each, 64 times (the most
		// actors a ZIP may hold).
		big("zip bomb: 64 BVHs of 150,000 frames", func() []byte {
			e := bvhBomb("", 16, 150_000)
			var es []entry
			for i := range 64 {
				e.name = fmt.Sprintf("actor%02d.bvh", i)
				es = append(es, e)
			}
			return zipOf(es...)
		}),
		// Four gigabytes of zeros after a BVH's head: a reader that reads
		// to the end of an entry reads them all.
		big("zip bomb: 4 GiB after one frame", func() []byte {
			head := []byte(oneFrame())
			data, crc, size := bomb(head, []byte("0 "), 4<<30)
			return zipOf(entry{name: "take.bvh", deflated: data, crc: crc, size: size})
		}),
		// 200,000 entries: the table of contents alone is 16 MB.
		big("zip bomb: 200,000 entries", func() []byte {
			es := make([]entry, 0, 200_000)
			for i := range 200_000 {
				es = append(es, entry{name: fmt.Sprintf("%06d.txt", i)})
			}
			return zipOf(es...)
		}),
		small("zip: entry declares 2^62 bytes", func() []byte {
			return zipOf(entry{name: "take.bvh", data: oneFrame(), claimSize: 1 << 62})
		}),
		small("zip: entry declares 1 byte", func() []byte {
			return zipOf(entry{name: "take.bvh", data: oneFrame(), claimSize: 1})
		}),
		small("zip: a ZIP named .bvh inside", func() []byte {
			inner := zipOf(entry{name: "take.bvh", data: oneFrame()})
			return zipOf(entry{name: "take.bvh", data: zipOf(entry{name: "inner.bvh", data: inner})})
		}),
		small("zip: names that climb out", func() []byte {
			return zipOf(entry{name: "../../evil.bvh", data: oneFrame()}, entry{name: "/etc/abs.bvh", data: oneFrame()},
				entry{name: `..\..\win.bvh`, data: oneFrame()}, entry{name: "a/../../b.bvh", data: oneFrame()})
		}),
		small("zip: the same name twice", func() []byte {
			return zipOf(entry{name: "take.bvh", data: oneFrame()}, entry{name: "take.bvh", data: oneFrame()})
		}),
		small("zip: 65 BVHs", func() []byte {
			var es []entry
			for i := range 65 {
				es = append(es, entry{name: fmt.Sprintf("a%02d.bvh", i), data: oneFrame()})
			}
			return zipOf(es...)
		}),
		// MOTION_DATA: every frame names 512 joints, 8 GB of JSON in all.
		big("zip bomb: MOTION_DATA of 512 joints × 500,000 frames", func() []byte {
			var fr bytes.Buffer
			fr.WriteString(`{"timestamp":0,"joint_data":{`)
			for j := range 512 {
				if j > 0 {
					fr.WriteByte(',')
				}
				fmt.Fprintf(&fr, `"j%03d":{"position":[0,0,0]}`, j)
			}
			fr.WriteString("}},")
			data, crc, size := bomb([]byte(`{"mocap_data":[`), fr.Bytes(), 500_000*int64(fr.Len()))
			return zipOf(entry{name: "actor.json", deflated: data, crc: crc, size: size})
		}),
		// One string value of 1 GiB: a JSON decoder holds a whole value.
		big("zip bomb: MOTION_DATA with a 1 GiB timestamp", func() []byte {
			data, crc, size := bomb([]byte(`{"mocap_data":[{"timestamp":"`), []byte("0"), 1<<30)
			return zipOf(entry{name: "actor.json", deflated: data, crc: crc, size: size})
		}),
	}
}

// BVHs are plain BVH files that ask for more than they hold.
func BVHs() []Case {
	return []Case{
		{Name: "bvh: 2,000,000 frames declared, one given", Kind: Motion, Ext: ".bvh", Small: true, Make: func() []byte {
			return append(bvhHead(16, 2_000_000), strings.Repeat("0 ", bvhChannels(16))...)
		}},
		{Name: "bvh: 4096 joints nested", Kind: Motion, Ext: ".bvh", Small: true, Make: func() []byte {
			return append(bvhHead(4096, 1), strings.Repeat("0 ", bvhChannels(4096))...)
		}},
		{Name: "bvh: one word of 1 MB", Kind: Motion, Ext: ".bvh", Make: func() []byte {
			return append([]byte("HIERARCHY\nROOT "), bytes.Repeat([]byte("a"), 1<<20)...)
		}},
	}
}

// MotionData are plain MOTION_DATA JSON files.
func MotionData() []Case {
	return []Case{
		{Name: "json: 512 joints, then frames naming none", Kind: Motion, Ext: ".json", Small: true, Make: func() []byte {
			var b bytes.Buffer
			b.WriteString(`{"mocap_data":[{"timestamp":0,"joint_data":{`)
			for j := range 512 {
				if j > 0 {
					b.WriteByte(',')
				}
				fmt.Fprintf(&b, `"j%03d":{"position":[0,0,0]}`, j)
			}
			b.WriteString("}}")
			b.WriteString(strings.Repeat(`,{"timestamp":0}`, 100_000))
			b.WriteString("]}")
			return b.Bytes()
		}},
		{Name: "json: nested 100,000 deep", Kind: Motion, Ext: ".json", Small: true, Make: func() []byte {
			return []byte(`{"x":` + strings.Repeat("[", 100_000) + strings.Repeat("]", 100_000) + `,"mocap_data":[]}`)
		}},
	}
}
