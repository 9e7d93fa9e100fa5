/**
 * The preview's CellNavigator: "selecting" a cell marks it in the rendered sheet, which scrolls to
 * it and highlights it, and names it in a live line for screen readers.
 */
import type { CellNavigator } from "../contracts";

export interface SelectedCell {
  address: string;
  sheetName?: string;
}

export class SheetNavigator implements CellNavigator {
  private selected: SelectedCell | null = null;
  private readonly listeners = new Set<() => void>();

  async selectCell(address: string, sheetName?: string): Promise<void> {
    this.selected = sheetName === undefined ? { address } : { address, sheetName };
    for (const listener of [...this.listeners]) listener();
  }

  getSelected = (): SelectedCell | null => this.selected;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}
