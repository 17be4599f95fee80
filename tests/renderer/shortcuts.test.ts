import { describe, expect, it } from 'vitest';
import { isTypingTarget, shortcutFor } from '../../renderer/src/hooks/shortcuts';

describe('keyboard shortcuts', () => {
  it('maps keys to actions', () => {
    expect(shortcutFor({ key: 'l', targetTag: 'BODY' })).toBe('toggle-labels');
    expect(shortcutFor({ key: 'X', targetTag: 'BODY' })).toBe('toggle-xray');
    expect(shortcutFor({ key: 'r', targetTag: 'CANVAS' })).toBe('reset-camera');
    expect(shortcutFor({ key: ' ', targetTag: 'BODY' })).toBe('run-pause');
    expect(shortcutFor({ key: 'Escape', targetTag: 'BODY' })).toBe('clear-selection');
    expect(shortcutFor({ key: '?', targetTag: 'BODY' })).toBe('toggle-help');
    expect(shortcutFor({ key: 'c', targetTag: 'BODY' })).toBe('toggle-connections');
    expect(shortcutFor({ key: 'C', targetTag: 'CANVAS' })).toBe('toggle-connections');
    expect(shortcutFor({ key: 'q', targetTag: 'BODY' })).toBeNull();
  });

  it('opens an asset with Ctrl+O or Cmd+O, even from a field', () => {
    expect(shortcutFor({ key: 'o', ctrlKey: true })).toBe('open-asset');
    expect(shortcutFor({ key: 'O', metaKey: true, targetTag: 'INPUT', targetType: 'number' })).toBe(
      'open-asset',
    );
  });

  it('ignores keys typed into fields and modified keys', () => {
    expect(shortcutFor({ key: 'l', targetTag: 'INPUT', targetType: 'text' })).toBeNull();
    expect(shortcutFor({ key: 'x', targetTag: 'TEXTAREA' })).toBeNull();
    expect(shortcutFor({ key: 'r', targetTag: 'SELECT' })).toBeNull();
    expect(shortcutFor({ key: 'l', targetTag: 'DIV', targetEditable: true })).toBeNull();
    expect(shortcutFor({ key: 'r', ctrlKey: true })).toBeNull();
    expect(shortcutFor({ key: 'Escape', targetTag: 'INPUT', targetType: 'number' })).toBeNull();
  });

  it('leaves Space to a focused button', () => {
    expect(shortcutFor({ key: ' ', targetTag: 'BUTTON' })).toBeNull();
    expect(shortcutFor({ key: 'l', targetTag: 'BUTTON' })).toBe('toggle-labels');
  });

  it('treats checkboxes and buttons as non-typing targets', () => {
    expect(isTypingTarget({ key: 'a', targetTag: 'INPUT', targetType: 'checkbox' })).toBe(false);
    expect(isTypingTarget({ key: 'a', targetTag: 'INPUT', targetType: 'range' })).toBe(true);
  });
});
