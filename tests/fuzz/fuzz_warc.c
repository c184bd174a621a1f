/* fuzz_warc.c -- libFuzzer target for the WARC reader: the input is a
 * whole .warc or .warc.gz file. Built with -DPT_FUZZ=ON (clang):
 *
 *   CC=clang cmake -S . -B build-fuzz -DPT_FUZZ=ON -DPT_SANITIZE=ON
 *   cmake --build build-fuzz --target fuzz_warc
 *   build-fuzz/tests/fuzz_warc -dict=tests/fuzz/warc.dict CORPUS_DIR
 *
 * Seeds: ../shared/eval/warc/samples/ and files written by test_warc.
 */
#include "crawler/base/buf.h"
#include "crawler/base/warc.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct buf err = BUF_INIT;
	struct warc_reader *r;
	struct warc_record rec;
	FILE *fp;
	unsigned long sum = 0;
	int rc, n = 0;

	if (size == 0)
		return 0;
	fp = fmemopen((void *)(uintptr_t)data, size, "rb");
	if (!fp)
		return 0;
	r = warc_reader_new(fp, "fuzz");
	while (n++ < 100000) {
		buf_reset(&err);
		rc = warc_reader_next(r, &rec, &err);
		if (rc == 0)
			break;
		if (rc < 0) {
			if (err.len == 0)
				__builtin_trap(); /* errors carry a message */
			continue;
		}
		/* Touch everything the record hands out. */
		sum += strlen(rec.type);
		if (rec.target_uri)
			sum += strlen(rec.target_uri);
		if (rec.http_content_type)
			sum += strlen(rec.http_content_type);
		if (rec.note)
			sum += strlen(rec.note);
		if (rec.block_len)
			sum += (unsigned char)rec.block[rec.block_len - 1];
		if (rec.payload_len)
			sum += (unsigned char)rec.payload[rec.payload_len - 1];
		if (rec.block[rec.block_len] != '\0')
			__builtin_trap();
		if (warc_reader_header(r, "WARC-Type") == NULL &&
		    rec.type[0] != '\0')
			__builtin_trap();
	}
	if (n > 100000)
		__builtin_trap(); /* must make progress */
	warc_reader_free(r);
	fclose(fp);
	buf_release(&err);
	return (int)(sum & 0);
}
