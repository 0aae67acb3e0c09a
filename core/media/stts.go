package media

import "encoding/binary"

// sttsReader reads an stts box's payload (the sample durations: version
// and flags, an entry count, then count × {sample count, sample delta}) as
// it streams by, keeping only the sums it needs. A box may hold millions
// of entries; the entries it holds, not the count it declares, are read.
type sttsReader struct {
	head    [8]byte // version, flags and entry count
	got     int     // bytes of head and of the partial entry
	entry   [8]byte
	entries uint64 // entries read
	samples uint64 // the sum of their sample counts: the track's frames
	// lo and hi bound the deltas of every entry but the last, which is
	// held in last until the next arrives (encoders often give the last
	// frame a duration of its own).
	lo, hi, last uint32
}

// Write takes the next bytes of the payload.
func (s *sttsReader) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 {
		if s.got < len(s.head) {
			k := copy(s.head[s.got:], p)
			s.got += k
			p = p[k:]
			continue
		}
		off := s.got - len(s.head)
		k := copy(s.entry[off:], p)
		p = p[k:]
		s.got += k
		if off+k < len(s.entry) {
			continue
		}
		s.got = len(s.head)
		if s.entries == uint64(binary.BigEndian.Uint32(s.head[4:8])) {
			continue // entries past the declared count are not the box's
		}
		s.take(binary.BigEndian.Uint32(s.entry[0:4]), binary.BigEndian.Uint32(s.entry[4:8]))
	}
	return n, nil
}

func (s *sttsReader) take(count, delta uint32) {
	if s.entries > 0 {
		if s.entries == 1 {
			s.lo, s.hi = s.last, s.last
		}
		s.lo, s.hi = min(s.lo, s.last), max(s.hi, s.last)
	}
	s.entries++
	s.samples += uint64(count)
	s.last = delta
}

// variable reports a frame rate that changes: frame durations that differ
// by more than 2%, the last entry left out.
func (s *sttsReader) variable() bool {
	return s.entries >= 3 && s.lo > 0 && float64(s.hi) > float64(s.lo)*1.02
}
