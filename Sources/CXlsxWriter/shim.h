#ifndef COOPSTAT_CXLSXWRITER_SHIM_H
#define COOPSTAT_CXLSXWRITER_SHIM_H
#include <xlsxwriter.h>
#endif
