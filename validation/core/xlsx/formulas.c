/* A workbook with formula cells that carry cached values, and inline strings, written by a
 * second independent writer (libxlsxwriter, Debian libxlsxwriter-dev; constant_memory mode
 * stores strings inline as <is><t>). Build and run from this folder:
 *   cc formulas.c -o /tmp/formulas $(pkg-config --cflags --libs xlsxwriter) && /tmp/formulas
 * Output (committed): formulas.xlsx; the same values as formulas.csv (hand-checked, below). */
#include <xlsxwriter.h>

int main(void) {
  lxw_workbook_options opt = {.constant_memory = LXW_TRUE, .tmpdir = NULL, .use_zip64 = LXW_FALSE};
  lxw_workbook* wb = workbook_new_opt("formulas.xlsx", &opt);
  lxw_worksheet* ws = workbook_add_worksheet(wb, "Sheet1");
  const char* ids[] = {"a", "b", "c", "d"};
  const double x[] = {1.25, 2.5, 3.75, 10};
  const double y[] = {4, 5, 6, 7.5};
  worksheet_write_string(ws, 0, 0, "id", NULL);
  worksheet_write_string(ws, 0, 1, "x", NULL);
  worksheet_write_string(ws, 0, 2, "y", NULL);
  worksheet_write_string(ws, 0, 3, "x_plus_y", NULL);
  worksheet_write_string(ws, 0, 4, "ok", NULL);
  for (int i = 0; i < 4; ++i) {
    char f[64];
    worksheet_write_string(ws, (lxw_row_t)(i + 1), 0, ids[i], NULL);
    worksheet_write_number(ws, (lxw_row_t)(i + 1), 1, x[i], NULL);
    worksheet_write_number(ws, (lxw_row_t)(i + 1), 2, y[i], NULL);
    snprintf(f, sizeof f, "=B%d+C%d", i + 2, i + 2);
    worksheet_write_formula_num(ws, (lxw_row_t)(i + 1), 3, f, NULL, x[i] + y[i]);
    worksheet_write_boolean(ws, (lxw_row_t)(i + 1), 4, i % 2, NULL);
  }
  return workbook_close(wb) == LXW_NO_ERROR ? 0 : 1;
}
