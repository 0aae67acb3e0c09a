package media

import (
	"encoding/binary"
	"io"
	"time"
)

// maxAVIHeader bounds how much of an AVI's header list the probe reads.
const maxAVIHeader = 1 << 20

// probeAVI reads an AVI's header list (RIFF 'hdrl': 'avih', then 'strl'
// with 'strh' and 'strf' per stream) and fills in the report.
func probeAVI(rs io.ReadSeeker, r *Report) error {
	r.Container = "AVI"
	if _, err := rs.Seek(12, io.SeekStart); err != nil {
		return err
	}
	var chunk [12]byte
	if _, err := io.ReadFull(rs, chunk[:]); err != nil {
		return errTruncated
	}
	if string(chunk[0:4]) != "LIST" || string(chunk[8:12]) != "hdrl" {
		return errNotVideo
	}
	size := int64(binary.LittleEndian.Uint32(chunk[4:8])) - 4
	if size <= 0 || size > maxAVIHeader {
		return errNotVideo
	}
	if 24+size > r.Size {
		return errTruncated
	}
	hdrl := make([]byte, size)
	if _, err := io.ReadFull(rs, hdrl); err != nil {
		return errTruncated
	}
	found := false
	err := eachChunk(hdrl, func(id string, body []byte) error {
		if id != "LIST" || len(body) < 4 || string(body[:4]) != "strl" {
			return nil
		}
		var kind, handler string
		var scale, rate, length uint32
		return eachChunk(body[4:], func(id string, b []byte) error {
			switch {
			case id == "strh" && len(b) >= 36:
				kind, handler = string(b[0:4]), string(b[4:8])
				scale = binary.LittleEndian.Uint32(b[20:24])
				rate = binary.LittleEndian.Uint32(b[24:28])
				length = binary.LittleEndian.Uint32(b[32:36])
				if kind == "auds" {
					r.HasAudio = true
				}
			case id == "strf" && kind == "vids" && !found && len(b) >= 20:
				found = true
				r.Width = int(int32(binary.LittleEndian.Uint32(b[4:8])))
				height := int(int32(binary.LittleEndian.Uint32(b[8:12])))
				r.Height = max(height, -height) // negative means top-down rows
				r.FourCC = string(b[16:20])
				if r.FourCC == "\x00\x00\x00\x00" {
					r.FourCC = handler
				}
				r.Codec = codecName(r.FourCC)
				if scale > 0 && rate > 0 {
					r.FPS = float64(rate) / float64(scale)
					r.Duration = time.Duration(float64(length) / r.FPS * float64(time.Second))
				}
			}
			return nil
		})
	})
	if err != nil {
		return err
	}
	if !found {
		return errNoVideoTrack
	}
	return nil
}

// eachChunk walks RIFF chunks (four-character id, little-endian size, body
// padded to an even length) and stops at the first that does not fit.
func eachChunk(data []byte, visit func(id string, body []byte) error) error {
	for len(data) >= 8 {
		id := string(data[0:4])
		size := int(binary.LittleEndian.Uint32(data[4:8]))
		if size < 0 || size > len(data)-8 {
			return errTruncated
		}
		if err := visit(id, data[8:8+size]); err != nil {
			return err
		}
		// The padding byte of an odd-sized last chunk may be missing.
		next := min(8+size+size%2, len(data))
		data = data[next:]
		if len(data) > 0 && len(data) < 8 {
			return nil
		}
	}
	return nil
}
