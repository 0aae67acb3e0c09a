//go:build !unix

package hostile_test

import "errors"

func makeFIFO(string) error { return errors.ErrUnsupported }
