"use strict";
// Signs and verifies EIP-712 typed data with ethers, for the C# cross-client tests.
// Reads {"cases": [...]} on stdin and writes {"results": [...]} on stdout, one result per case, in order:
//   {"op": "sign", "privateKey": "0x..", "typedData": {..}}  -> {"signature", "signer", "digest"}
//   {"op": "verify", "typedData": {..}, "signature": "0x.."}  -> {"signer", "digest"}
// A case that ethers refuses gives {"error": "..."}. One process serves a whole batch.
const { Wallet, TypedDataEncoder, verifyTypedData } = require("ethers");

// ethers derives EIP712Domain from the domain itself and refuses it among the types.
function messageTypes(types) {
  const copy = { ...types };
  delete copy.EIP712Domain;
  return copy;
}

async function run(c) {
  const { domain, message, primaryType } = c.typedData;
  const types = messageTypes(c.typedData.types);
  const inferred = TypedDataEncoder.from(types).primaryType;
  if (inferred !== primaryType) {
    throw new Error(`ethers infers primary type ${inferred}, the document says ${primaryType}`);
  }
  const digest = TypedDataEncoder.hash(domain, types, message);
  switch (c.op) {
    case "sign": {
      const wallet = new Wallet(c.privateKey);
      const signature = await wallet.signTypedData(domain, types, message);
      return { signature, signer: wallet.address, digest };
    }
    case "verify":
      return { signer: verifyTypedData(domain, types, message, c.signature), digest };
    default:
      throw new Error(`unknown op ${JSON.stringify(c.op)}`);
  }
}

async function main() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  const { cases } = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  const results = [];
  for (const c of cases) {
    try {
      results.push(await run(c));
    } catch (e) {
      results.push({ error: e.shortMessage || e.message });
    }
  }
  process.stdout.write(JSON.stringify({ results }));
}

main().catch((e) => {
  process.stderr.write(String((e && e.stack) || e) + "\n");
  process.exit(1);
});
